from django.urls import path

from . import outcomes_views, views

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
