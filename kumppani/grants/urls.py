from django.urls import path

from kumppani.grants.views import applicant, officer, public

app_name = "grants"
urlpatterns = [
    # Public (M15)
    path("", public.index, name="index"),
    path("calls/", public.calls, name="calls"),
    path("calls/<int:pk>/", public.call_detail, name="call"),
    path("organizations/<slug:slug>/", public.organization_grants, name="organization"),
    # Applicants (M7)
    path("calls/<int:call_pk>/apply/", applicant.apply, name="apply"),
    path("applications/", applicant.mine, name="mine"),
    path("applications/<int:pk>/", applicant.detail, name="application"),
    path("applications/<int:pk>/edit/", applicant.edit, name="edit"),
    path("applications/<int:pk>/autosave/", applicant.autosave, name="autosave"),
    path("applications/<int:pk>/attachments/", applicant.upload_attachment, name="upload"),
    path("applications/<int:pk>/withdraw/", applicant.withdraw, name="withdraw"),
    path("attachments/<int:pk>/", applicant.download_attachment, name="attachment"),
    path("attachments/<int:pk>/delete/", applicant.delete_attachment, name="delete_attachment"),
    path("additions/<int:pk>/answer/", applicant.answer_additions, name="answer"),
    path("decisions/<int:pk>/", applicant.decision_document, name="decision_document"),
    path("decisions/<int:pk>/report/", applicant.submit_report, name="report"),
    path("organizations/<slug:slug>/applicants/", applicant.applicant_rights, name="rights"),
    # Officers (M8)
    path("handling/", officer.officer_index, name="officer_index"),
    path("handling/calls/new/", officer.call_new, name="call_new"),
    path("handling/calls/<int:pk>/", officer.officer_call, name="officer_call"),
    path("handling/applications/<int:pk>/", officer.handle, name="handle"),
    path(
        "handling/applications/<int:pk>/additions/",
        officer.request_additions,
        name="request_additions",
    ),
    path("handling/applications/<int:pk>/score/", officer.score, name="score"),
    path("handling/applications/<int:pk>/conflict/", officer.declare_conflict, name="conflict"),
    path("handling/applications/<int:pk>/propose/", officer.propose, name="propose"),
    path("handling/applications/<int:pk>/decide/", officer.decide, name="decide"),
    path("handling/decisions/<int:pk>/instalments/", officer.add_instalment, name="instalment"),
    path("handling/instalments/<int:pk>/paid/", officer.mark_paid, name="paid"),
    path("handling/decisions/<int:pk>/accept-report/", officer.accept_report, name="accept_report"),
]
