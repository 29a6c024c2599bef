from django.urls import path

from . import views

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
