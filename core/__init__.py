"""Shared plumbing every app may use: page visibility, the content cache, request
parameters, API errors, Vietnamese text, pagination and base page mixins.

It sits at the bottom of the layering (core ← news ← reports ← search ← config): it imports
none of the domain apps, so any of them may import it.
"""
