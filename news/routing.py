"""Serve a page in a fixed, small number of queries, whatever its depth.

Wagtail's default routing walks the tree one level at a time with two queries per level
(the child, then its specific instance); an article four sections deep costs ten queries
before any content is read. Every page already stores its full `url_path`, so we look up
the deepest page matching a prefix of the request path in one query, fetch its specific
instance, and let that page route the rest (RoutablePageMixin sub-routes such as `rss/`).
"""

from wagtail.models import Page


class DirectRoutingMixin:
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = {
            self.url_path + "/".join(path_components[:length]) + "/": length
            for length in range(1, len(path_components) + 1)
        }
        page = (
            # slug is indexed, url_path is not: the slug narrows the lookup to a few rows.
            Page.objects.filter(slug__in=path_components, url_path__in=prefixes)
            .order_by("-depth")
            .first()
        )
        if page is None:
            # Nothing below us matches: this page itself may own a sub-route.
            return super().route(request, path_components)
        remaining = path_components[prefixes[page.url_path] :]
        # The page checks liveness and its own sub-routes (RoutablePageMixin) itself.
        return specific_for_serving(page).route(request, remaining)


def specific_for_serving(page: Page) -> Page:
    """The specific page, with the relations its template always shows joined in."""
    model = page.specific_class
    related = getattr(model, "serve_select_related", ())
    if model is None or not related:
        return page.specific
    return model._default_manager.select_related(*related).get(pk=page.pk)
