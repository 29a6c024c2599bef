from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.background.queue import tasks_run_at_once
from harambee.background.worker import run_queued_tasks
from harambee.demo.console import demo_accounts, demo_mail_file, mail_kept_in_a_file
from harambee.demo.data import DEMO_PASSWORD, demo_is_loaded, load_demo
from harambee.transparency.tasks import figures_refresh_later


class Command(BaseCommand):
    help = "Load the demo data (once); refused in production settings."

    def add_arguments(self, parser):
        parser.add_argument("--no-accounts", action="store_true", help="Do not list the demo accounts.")

    def handle(self, *args, no_accounts=False, **options):
        if not settings.HARAMBEE_ALLOW_DEMO:
            raise CommandError(_("Demo data cannot be loaded with these settings (production)."))
        if demo_is_loaded():
            self.stdout.write(_("Demo data is already loaded."))
        else:
            with mail_kept_in_a_file() as kept:
                counts = load_demo()
                figures_refresh_later()  # the dashboard's figures of the new data (a worker computes them)
                if not tasks_run_at_once():  # the load's e-mails are tasks: send them now, into the file
                    run_queued_tasks(queues=["mail"])
            self.stdout.write(self.style.SUCCESS(_("Demo data loaded: %(members)s members, %(users)s users.") % counts))
            if counts.get("skipped"):
                self.stderr.write(_("The generated postings were left out: %(reason)s") % {"reason": counts["skipped"]})
            if kept is not None and kept():
                self.stdout.write(
                    _("%(count)s e-mails sent while loading it are in %(path)s")
                    % {"count": kept(), "path": demo_mail_file()}
                )
        if no_accounts:
            return
        self.stdout.write(_("Demo accounts (every one has the password %(password)s):") % {"password": DEMO_PASSWORD})
        for account in demo_accounts():
            self.stdout.write(f"  {account.email:40} {account.role}")
