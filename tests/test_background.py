"""Background work in one process, on the real database backend: tasks enqueued when the transaction
commits (never on rollback), retries with back-off then failure for good, periodic jobs once per period,
recovery of a task whose worker died, and the secretariat's Background work page with its retry button.
(Workers as separate processes, killed -9, and the commands that start them: test_background_processes.py.)"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from harambee.accounts.services import invitation_create
from harambee.audit.models import AuditAction, AuditEntry
from harambee.background.lifecycle import WORKER_LOST_PATH, tasks_recover_stale
from harambee.background.models import ScheduledRun
from harambee.background.schedule import schedule_due
from harambee.background.worker import Worker
from harambee.registry.models import MemberRole
from tests import background_helpers
from tests.background_helpers import always_fails, fails_once

pytestmark = pytest.mark.django_db

DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail"]}}
SCHEDULE = [
    {"name": "daily", "task": "harambee.background.tasks.background_prune", "every": 86400, "offset": 7200},
    {"name": "hourly", "task": "harambee.matching.tasks.matching_features_catch_up", "every": 3600, "offset": 600},
]


@pytest.fixture
def db_backend(settings, monkeypatch):
    """Tasks are rows that a worker runs (the production backend), not run at once. The worker in this
    process keeps the test's connection (as Django's test client does for requests): closing it between
    tasks would end the test's transaction."""
    settings.TASKS = DB_BACKEND
    monkeypatch.setattr("harambee.background.worker.close_old_connections", lambda: None)
    background_helpers.CALLS.clear()


def run_worker() -> int:
    """A worker in this process that runs what is ready, then stops; how many tasks it ran."""
    worker = Worker(queue_names=["*"], interval=0, batch=True, startup_delay=False, max_tasks=None, upkeep=False)
    worker.run()
    return worker._run_tasks


def _invite(cast):
    return invitation_create(
        actor=cast.manager,
        email="new.person@example.org",
        member=cast.member,
        role=MemberRole.VIEWER,
        base_url="http://x",
    )


# --- enqueued on commit -------------------------------------------------------------------------------


def test_a_service_enqueues_its_email_when_the_transaction_commits(
    cast, db_backend, django_capture_on_commit_callbacks
):
    # given an invitation being created inside a transaction
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            _invite(cast)
            # then nothing is queued while the transaction is open
            assert DBTaskResult.objects.count() == 0
    # when it commits, one e-mail task is queued (and nothing is sent yet)
    task = DBTaskResult.objects.get()
    assert (task.task_path, task.queue_name, task.status) == (
        "harambee.accounts.tasks.invitation_send_mail",
        "mail",
        "READY",
    )
    assert mail.outbox == []
    # and a worker sends it
    assert run_worker() == 1
    assert [m.to for m in mail.outbox] == [["new.person@example.org"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_nothing_is_enqueued_when_the_transaction_rolls_back(cast, db_backend, django_capture_on_commit_callbacks):
    # given an invitation created in a transaction that is then rolled back
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            _invite(cast)
            transaction.set_rollback(True)
    # then no task was queued, and no e-mail will be sent
    assert callbacks == []
    assert DBTaskResult.objects.count() == 0
    assert run_worker() == 0 and mail.outbox == []


def test_the_task_stores_no_usable_link_and_mails_the_link_the_inviter_was_shown(
    cast, db_backend, django_capture_on_commit_callbacks
):
    # given an invitation whose e-mail task was queued
    with django_capture_on_commit_callbacks(execute=True):
        issued = _invite(cast)
    task = DBTaskResult.objects.get()
    # then the task's stored arguments do not hold the link's token
    assert issued.token not in str(task.args_kwargs)
    # when the worker sends the e-mail, its link is the one the inviter was shown
    run_worker()
    assert "http://x" + issued.path() in mail.outbox[0].body


# --- retries ------------------------------------------------------------------------------------------


def test_a_failing_task_is_retried_then_fails_for_good(db_backend):
    # given a task that always fails and may be tried three times (no back-off)
    always_fails.enqueue("smtp down")
    # when a worker runs what is ready
    ran = run_worker()
    # then it was tried three times, and stays failed with its error
    task = DBTaskResult.objects.get()
    assert ran == 3 and background_helpers.CALLS["smtp down"] == 3
    assert task.status == "FAILED" and len(task.worker_ids) == 3
    assert task.exception_class_path == "builtins.ConnectionError"
    assert task.traceback.strip().splitlines()[-1] == "ConnectionError: smtp down"


def test_a_retry_waits_for_its_back_off_then_succeeds(db_backend):
    # given a task that fails once, with a back-off of 30 s
    fails_once.enqueue("reminder")
    before = timezone.now()
    # when a worker runs it
    assert run_worker() == 1
    # then it is queued again, for 30 s later, and not run before that
    task = DBTaskResult.objects.get()
    assert task.status == "READY" and len(task.worker_ids) == 1
    assert timedelta(seconds=29) < task.run_after - before < timedelta(seconds=31)
    assert run_worker() == 0
    # when the back-off has passed, the next try succeeds
    DBTaskResult.objects.update(run_after=timezone.now())
    assert run_worker() == 1
    task.refresh_from_db()
    assert (task.status, task.return_value, len(task.worker_ids), task.exception_class_path) == (
        "SUCCESSFUL",
        2,
        2,
        "",
    )


def test_tasks_run_at_once_in_the_tests_and_a_failure_does_not_undo_the_write(cast, settings, monkeypatch):
    # given the immediate backend of the test settings and a mail server that is down
    def refuse(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("harambee.accounts.tasks.send_mail", refuse)
    # when an invitation is created
    issued = _invite(cast)
    # then the invitation stays, no task row is written (nothing to retry), and no e-mail went
    assert issued.invitation.pk and DBTaskResult.objects.count() == 0 and mail.outbox == []


# --- a worker that died -------------------------------------------------------------------------------


def _running(worker_id: str, *, started_at=None) -> DBTaskResult:
    return DBTaskResult.objects.create(
        task_path="tests.background_helpers.wait_for_file",
        args_kwargs={"args": ["/nonexistent"], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        status="RUNNING",
        started_at=started_at or timezone.now(),
        worker_ids=[worker_id],
    )


def test_a_task_whose_worker_process_is_gone_is_queued_again(db_backend, settings):
    # given a task running under a worker of this machine whose process no longer exists, one under a
    # live process (this one's parent), and one under a worker of another machine
    from harambee.core.processes import this_host

    dead = _running(f"{this_host()[:44]}:{2**22 + 12345}:abcdefgh")
    alive = _running(f"{this_host()[:44]}:{__import__('os').getppid()}:abcdefgh")
    elsewhere = _running("other-host:1:abcdefgh")
    # when a worker looks for lost tasks
    assert tasks_recover_stale() == 1
    # then only the dead worker's task is ready again
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert (statuses[dead.pk], statuses[alive.pk], statuses[elsewhere.pk]) == ("READY", "RUNNING", "RUNNING")
    # and the other machine's task is taken for lost once it has run longer than the lease
    later = timezone.now() + timedelta(seconds=settings.HARAMBEE_TASK_LEASE_SECONDS + 1)
    assert tasks_recover_stale(now=later) == 2  # the live worker's as well: it outran the lease


def test_a_task_that_killed_its_worker_on_every_attempt_fails_for_good(db_backend):
    # given a task whose worker died during its third and last attempt
    task = _running("gone:1:a")
    DBTaskResult.objects.filter(pk=task.pk).update(worker_ids=["gone:1:a", "gone:2:b", "gone:3:c"])
    # when its lease has run out and a worker looks
    tasks_recover_stale(now=timezone.now() + timedelta(days=1))
    # then it is failed, with the reason, instead of killing a fourth worker
    task.refresh_from_db()
    assert (task.status, task.exception_class_path) == ("FAILED", WORKER_LOST_PATH)


# --- periodic jobs ------------------------------------------------------------------------------------


def test_each_periodic_job_is_enqueued_once_per_period(db_backend, settings):
    settings.HARAMBEE_SCHEDULE = SCHEDULE
    # given 02:30 UTC on a day (the daily job is due from 02:00, the hourly one from 02:10)
    at = datetime(2026, 3, 4, 2, 30, tzinfo=UTC)
    # when two workers look at the same moment, and again a minute later
    first = schedule_due(now=at)
    second = schedule_due(now=at)
    third = schedule_due(now=at + timedelta(minutes=1))
    # then each job was enqueued once
    assert (sorted(first), second, third) == (["daily", "hourly"], [], [])
    assert DBTaskResult.objects.count() == 2
    # and in the next hour only the hourly job again, the next day both
    assert schedule_due(now=at + timedelta(hours=1)) == ["hourly"]
    assert sorted(schedule_due(now=at + timedelta(days=1))) == ["daily", "hourly"]
    assert list(ScheduledRun.objects.order_by("job", "period").values_list("job", flat=True)) == [
        "daily",
        "daily",
        "hourly",
        "hourly",
        "hourly",
    ]


def test_a_worker_that_lost_the_race_for_a_period_enqueues_nothing(db_backend, settings, monkeypatch):
    settings.HARAMBEE_SCHEDULE = SCHEDULE[:1]
    at = datetime(2026, 3, 4, 2, 30, tzinfo=UTC)
    # given another worker that inserts the period's row between this worker's look and its insert
    from harambee.background import schedule

    real_exists = schedule.ScheduledRun.objects.filter(job="daily").exists

    def look_then_lose(**kwargs):
        class Probe:
            def exists(self):
                found = real_exists()
                ScheduledRun.objects.create(job="daily", period=kwargs["period"])
                return found

        return Probe()

    monkeypatch.setattr(schedule.ScheduledRun.objects, "filter", look_then_lose)
    # when this worker tries to enqueue the job
    assert schedule_due(now=at) == []
    # then the unique (job, period) row stopped it: one row, and no task from this worker
    monkeypatch.undo()
    assert ScheduledRun.objects.count() == 1 and DBTaskResult.objects.count() == 0


# --- the secretariat's page ---------------------------------------------------------------------------


def _failed(**extra) -> DBTaskResult:
    values = {
        "task_path": "harambee.notifications.tasks.notification_send_mail",
        "args_kwargs": {"args": [1], "kwargs": {}},
        "backend_name": "default",
        "queue_name": "mail",
        "run_after": get_date_max(),
        "status": "FAILED",
        "worker_ids": ["a:1:x", "a:2:y", "a:3:z", "a:4:w", "a:5:v", "a:6:u"],
        "finished_at": timezone.now(),
        "exception_class_path": "smtplib.SMTPServerDisconnected",
        "traceback": (
            "Traceback (most recent call last):\n  ...\n"
            "smtplib.SMTPServerDisconnected: Connection unexpectedly closed\n"
        ),
    }
    return DBTaskResult.objects.create(**{**values, **extra})


def test_the_page_shows_failed_running_and_queued_work_in_words(
    cast, client, db_backend, django_capture_on_commit_callbacks
):
    # given a failed e-mail, a running feature computation and a queued invitation e-mail
    _failed()
    _running("w:1:a")
    DBTaskResult.objects.filter(status="RUNNING").update(task_path="harambee.matching.tasks.matching_features_refresh")
    with django_capture_on_commit_callbacks(execute=True):
        _invite(cast)
    # when the secretariat opens the page
    client.force_login(cast.secretariat)
    page = client.get(reverse("secretariat:background_work")).content.decode()
    # then each task is named in words, with its attempts and the failure's error
    assert "E-mail a notification" in page
    assert "6 of 6" in page
    assert "smtplib.SMTPServerDisconnected: Connection unexpectedly closed" in page
    assert "Compute the matching concepts and vectors of postings" in page
    assert "E-mail an invitation" in page
    assert "1 task failed" in page and "1 task running" in page and "1 task waiting to run" in page
    assert "Daily housekeeping of needs and offers" in page  # a regular job


def test_the_page_is_in_the_reader_language(cast, client, db_backend):
    _failed()
    client.force_login(cast.secretariat)
    page = client.get("/fr/secretariat/background/").content.decode()
    assert 'lang="fr"' in page


def test_the_secretariat_retries_a_failed_task_and_the_retry_is_audited(cast, client, db_backend):
    # given a task that failed six times
    task = _failed()
    client.force_login(cast.secretariat)
    # when the secretariat presses Retry
    response = client.post(reverse("secretariat:background_task_retry", args=[task.pk]), follow=True)
    # then it is queued again with fresh attempts, the page says so, and the audit trail records who did it
    task.refresh_from_db()
    assert (task.status, task.worker_ids, task.finished_at) == ("READY", [], None)
    assert "“E-mail a notification” is queued again." in response.content.decode()
    entry = AuditEntry.objects.get(object_id=str(task.pk))
    assert (entry.action, entry.actor, entry.changes) == (
        AuditAction.TRANSITION,
        cast.secretariat,
        {"status": ["FAILED", "READY"], "attempts": [6, 0]},
    )
    # and a worker then runs it (the notification is gone: nothing to send, and it succeeds)
    assert run_worker() == 1
    task.refresh_from_db()
    assert (task.status, task.return_value) == ("SUCCESSFUL", False)


def test_a_task_that_is_no_longer_failed_cannot_be_retried(cast, client, db_backend):
    # given a failed task that someone else retried meanwhile
    task = _failed()
    client.force_login(cast.secretariat)
    client.post(reverse("secretariat:background_task_retry", args=[task.pk]))
    # when it is retried again from an old page
    response = client.post(reverse("secretariat:background_task_retry", args=[task.pk]), follow=True)
    # then the secretariat is told, and nothing more is recorded
    assert "Only a failed task can be retried; this one is no longer failed." in response.content.decode()
    assert AuditEntry.objects.filter(object_id=str(task.pk)).count() == 1


def test_retrying_an_unknown_task_is_a_404(cast, client, db_backend):
    client.force_login(cast.secretariat)
    response = client.post(reverse("secretariat:background_task_retry", args=["00000000-0000-0000-0000-000000000000"]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "page", "retry"),
    [
        ("anonymous", "login", "login"),
        ("outsider", 403, 403),
        ("viewer", 403, 403),
        ("editor", 403, 403),
        ("manager", 403, 403),
        ("other_manager", 403, 403),
        ("secretariat", 200, 302),
    ],
)
def test_who_may_see_and_retry_background_work(role, page, retry, cast, client, db_backend):
    # given a failed task
    task = _failed()
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    # when each role opens the page and presses Retry
    shown = client.get(reverse("secretariat:background_work"))
    retried = client.post(reverse("secretariat:background_task_retry", args=[task.pk]))

    def outcome(response):
        if response.status_code == 302 and "/sign-in/" in response["Location"]:
            return "login"
        return response.status_code

    # then only the secretariat sees it and retries it; for everybody else the task stays failed
    assert (outcome(shown), outcome(retried)) == (page, retry)
    task.refresh_from_db()
    assert task.status == ("READY" if role == "secretariat" else "FAILED")


def test_the_page_lists_a_failed_task_with_its_name_time_and_error_but_no_secret(
    cast, client, db_backend, settings, tmp_path
):
    # given a task that failed with credentials, a token and a person's address in its error and arguments,
    # and a backup made on 1 December 2026 at 01:30 UTC
    when = datetime(2026, 12, 2, 9, 15, tzinfo=UTC)
    _failed(
        task_path="harambee.events.document_tasks.document_batch_make",
        args_kwargs={"args": ["argument-secret-77"], "kwargs": {}},
        finished_at=when,
        traceback=(
            "Traceback (most recent call last):\n  ...\n"
            "psycopg.OperationalError: connection to postgres://harambee:S3cr3t-pw@db.internal:5432/h failed "
            "(password=S3cr3t-pw, token=abcdef0123456789abcdef0123456789abcd) for amina.banda@example.org\n"
        ),
    )
    settings.HARAMBEE_BACKUP_DIR = tmp_path
    (tmp_path / "harambee-20261201T013000000000Z").mkdir()
    (tmp_path / "harambee-20261201T013000000000Z" / "manifest.json").write_text("{}")
    # when the secretariat opens the page
    client.force_login(cast.secretariat)
    page = client.get(reverse("secretariat:background_work")).content.decode()
    failed = page[page.index('id="failed"') : page.index('id="running"')]
    # then the failure is listed by the task's name, when it failed and the error, with the secrets masked
    assert "Make delegates&#x27; documents" in failed
    assert '<time datetime="2026-12-02T09:15:00+00:00">' in failed
    assert (
        "psycopg.OperationalError: connection to postgres://***@db.internal:5432/h failed "
        "(password=***, token=***) for ***@example.org"
    ) in failed
    for secret in ("S3cr3t", "abcdef0123456789", "amina.banda", "argument-secret-77"):
        assert secret not in page
    # and the last backup is shown
    assert 'Last backup: <time datetime="2026-12-01T01:30:00+00:00">' in page
