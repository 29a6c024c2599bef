from django.urls import path

from . import checkin_views, document_views, outcomes_views, views

SESSION = "events/<slug:slug>/sessions/<int:session_id>/"

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/new/", views.event_new, name="new"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/programme/", views.event_programme, name="programme"),
    path("events/<slug:slug>/calendar.ics", views.event_calendar, name="calendar"),
    path("events/<slug:slug>/edit/", views.event_edit, name="edit"),
    path("events/<slug:slug>/transition/", views.event_transition_view, name="transition"),
    path("events/<slug:slug>/sessions/new/", views.session_new, name="session_new"),
    path(f"{SESSION}edit/", views.session_edit, name="session_edit"),
    path(f"{SESSION}delete/", views.session_delete_view, name="session_delete"),
    path(f"{SESSION}calendar.ics", views.session_calendar, name="session_calendar"),
    path(f"{SESSION}speakers/", views.speaker_new, name="speaker_new"),
    path(f"{SESSION}speakers/<int:speaker_id>/", views.speaker_edit, name="speaker_edit"),
    path(f"{SESSION}speakers/<int:speaker_id>/delete/", views.speaker_delete_view, name="speaker_delete"),
    path(f"{SESSION}materials/", views.material_new, name="material_new"),
    path(f"{SESSION}materials/<int:material_id>/", views.material_download, name="material"),
    path(f"{SESSION}materials/<int:material_id>/delete/", views.material_delete_view, name="material_delete"),
    # On site: check-in and attendance (issue 13, items 5 and 9)
    path("events/<slug:slug>/check-in/", checkin_views.checkin, name="checkin"),
    path("events/<slug:slug>/check-in/<int:attendance_id>/undo/", checkin_views.checkin_undo, name="checkin_undo"),
    path("events/<slug:slug>/attendance/", checkin_views.attendance_page, name="attendance"),
    path("events/<slug:slug>/attendance.csv", checkin_views.attendance_csv, name="attendance_csv"),
    path("events/<slug:slug>/check-in/staff/", checkin_views.staff_add_view, name="checkin_staff_add"),
    path(
        "events/<slug:slug>/check-in/staff/<int:staff_id>/remove/",
        checkin_views.staff_remove_view,
        name="checkin_staff_remove",
    ),
    # Delegates' documents (events/documents.py)
    path("events/<slug:slug>/documents/", document_views.documents_page, name="documents"),
    path(
        "events/<slug:slug>/documents/<int:registration_id>/<str:kind>.pdf",
        document_views.document_download,
        name="document",
    ),
    path("events/<slug:slug>/documents/batches/", document_views.document_batch_new, name="document_batch_new"),
    path(
        "events/<slug:slug>/documents/batches/<int:batch_id>.pdf",
        document_views.document_batch_download,
        name="document_batch",
    ),
]

# Invitations and nominations (registration_views.py)
from . import registration_views as rv  # noqa: E402

DELEGATE = "events/<slug:slug>/delegates/<int:registration_id>/"
urlpatterns += [
    path("events/<slug:slug>/invitations/", rv.invitations, name="invitations"),
    path("events/<slug:slug>/invitations/<int:invitation_id>/remove/", rv.invitation_remove, name="invitation_remove"),
    path("events/<slug:slug>/nominations/", rv.nominations, name="nominations"),
    path("events/<slug:slug>/seats/", rv.seats_view, name="seats"),
    path("events/<slug:slug>/delegations/<slug:code>/", rv.delegation, name="delegation"),
    path("events/<slug:slug>/delegations/<slug:code>/nominate/", rv.nominate, name="nominate"),
    path(f"{DELEGATE}decide/", rv.registration_decide_view, name="registration_decide"),
    path(f"{DELEGATE}withdraw/", rv.registration_withdraw_view, name="registration_withdraw"),
    path(f"{DELEGATE}registration/", rv.registration_complete_view, name="registration_complete"),
    path(f"{DELEGATE}letter/", rv.nomination_letter, name="nomination_letter"),
]

# The language of a delegate's documents (document_language.py)
from . import document_language_views  # noqa: E402

urlpatterns += [
    path(f"{DELEGATE}language/", document_language_views.registration_language, name="registration_language"),
]

# Knowledge-exchange pairing (docs/pairing.md)
from . import pairing_views  # noqa: E402

PAIRING = "events/<slug:slug>/pairing/"
urlpatterns += [
    path(PAIRING, pairing_views.pairing_home, name="pairing"),
    path(f"{PAIRING}delegates/<int:registration_id>/", pairing_views.pairing_profile, name="pairing_profile"),
    path(f"{PAIRING}meetings/<int:meeting_id>/answer/", pairing_views.pairing_respond, name="pairing_respond"),
    path(f"{PAIRING}runs/", pairing_views.pairing_runs, name="pairing_runs"),
    path(f"{PAIRING}runs/<int:run_id>/", pairing_views.pairing_run_detail, name="pairing_run"),
]

# Outcomes (issue 13 item 7): report, survey, session notes, action items
OUTCOMES = "events/<slug:slug>/"
urlpatterns += [
    path(f"{OUTCOMES}report/", outcomes_views.report, name="report"),
    path(f"{OUTCOMES}survey/", outcomes_views.survey_answer, name="survey"),
    path(f"{OUTCOMES}survey/results/", outcomes_views.survey_results, name="survey_results"),
    path(f"{SESSION}notes/", outcomes_views.note_edit, name="note_edit"),
    path(f"{OUTCOMES}actions/new/", outcomes_views.action_new, name="action_new"),
    path(f"{OUTCOMES}actions/<int:action_id>/", outcomes_views.action_edit, name="action_edit"),
    path(f"{OUTCOMES}actions/<int:action_id>/status/", outcomes_views.action_move_view, name="action_move"),
    path(f"{OUTCOMES}actions/<int:action_id>/convert/", outcomes_views.action_convert_view, name="action_convert"),
]
