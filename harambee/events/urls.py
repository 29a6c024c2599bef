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
