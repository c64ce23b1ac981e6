"""Create the superuser "admin", or reset its password, and print a fresh random password once.

`make run` calls this so a new machine has a working admin login without a default password.
The password is shown only here; run the command again for a new one. Outside DEBUG it asks
for --force, so a production admin is not reset by accident.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Tạo hoặc đặt lại siêu người dùng (mặc định 'admin') với mật khẩu ngẫu nhiên mới."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")
        parser.add_argument(
            "--force", action="store_true", help="allow it when DEBUG is off (production)"
        )

    def handle(self, *args, username, email, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this would reset the password of a real account. "
                "Pass --force if that is what you want."
            )
        user_model = get_user_model()
        password = secrets.token_urlsafe(15)  # 20 characters, ~120 bits
        with transaction.atomic():
            user, created = user_model._default_manager.get_or_create(
                **{user_model.USERNAME_FIELD: username}, defaults={"email": email}
            )
            user.is_active = True
            user.is_staff = True
            user.is_superuser = True
            user.set_password(password)
            user.save()

        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        action = "created" if created else "password reset"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Superuser {username!r} {action}."))
        self.stdout.write(f"  Admin:    {base_url}/admin/")
        self.stdout.write(f"  Username: {username}")
        self.stdout.write(f"  Password: {password}")
        self.stdout.write("  (shown only now; run `manage.py ensure_admin` again for a new one)")
        self.stdout.write("")
