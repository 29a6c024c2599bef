"""`harambee changepassword EMAIL`: Django's command, through the accounts service (tokens revoked, owner told)."""

from django.contrib.auth.management.commands import changepassword
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from harambee.accounts.models import User, normalise_email
from harambee.accounts.services import user_set_password

MAX_TRIES = 3


class Command(changepassword.Command):
    help = "Change a person's password (by e-mail address); its API tokens are revoked and the person is told."

    def handle(self, *args, **options):
        email = normalise_email(options["username"] or "")
        user = User.objects.filter(email=email).first()
        if user is None:
            raise CommandError(f"no account uses {email!r}")
        self.stdout.write(f"Changing the password of {user.email}")
        for _ in range(MAX_TRIES):
            first = self._get_pass()
            if first != self._get_pass("Password (again): "):
                self.stdout.write("The passwords differ. Try again.")
                continue
            try:
                revoked = user_set_password(user=user, actor=None, password=first, how="command")
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))
                continue
            return f"Password changed for {user.email}; API tokens revoked: {revoked}."
        raise CommandError(f"Gave up after {MAX_TRIES} attempts; the password of {user.email} is unchanged.")
