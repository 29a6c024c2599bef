from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.demo.data import DEMO_PASSWORD, DEMO_USERS, demo_is_loaded, load_demo


class Command(BaseCommand):
    help = "Load the demo data (once); refused in production settings."

    def handle(self, *args, **options):
        if not settings.HARAMBEE_ALLOW_DEMO:
            raise CommandError(_("Demo data cannot be loaded with these settings (production)."))
        if demo_is_loaded():
            self.stdout.write(_("Demo data is already loaded."))
            return
        counts = load_demo()
        self.stdout.write(self.style.SUCCESS(_("Demo data loaded: %(members)s members, %(users)s users.") % counts))
        if counts["skipped"]:
            self.stderr.write(_("The generated postings were left out: %(reason)s") % {"reason": counts["skipped"]})
        self.stdout.write(_("Demo accounts (password: %(password)s):") % {"password": DEMO_PASSWORD})
        for spec in DEMO_USERS:
            role = (
                "secretariat" if spec.secretariat else (f"{spec.role} of {spec.member}" if spec.member else "no member")
            )
            self.stdout.write(f"  {spec.email:42} {role}")
