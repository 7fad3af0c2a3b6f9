from django.urls import path

from kumppani.sanctions.views import cases, handling, policy, tips

app_name = "sanctions"
urlpatterns = [
    path("policy/", policy.policy, name="policy"),
    path("policy/<int:version>/", policy.policy_version, name="policy_version"),
    path("policy/drafts/", policy.policy_drafts, name="policy_drafts"),
    path("policy/drafts/new/", policy.policy_new, name="policy_new"),
    path("policy/drafts/<int:pk>/", policy.policy_edit, name="policy_edit"),
    path("policy/drafts/<int:pk>/publish/", policy.policy_publish, name="policy_publish"),
    path("policy/drafts/<int:pk>/delete/", policy.policy_delete, name="policy_delete"),
    path("report/<slug:slug>/", tips.new_tip, name="new_tip"),
    path("mine/", cases.mine, name="mine"),
    path("cases/<int:pk>/", cases.case, name="case"),
    path("cases/<int:pk>/answer/", cases.answer, name="answer"),
    path("cases/<int:pk>/reconsideration/", cases.request_reconsideration, name="reconsideration"),
    path("cases/<int:pk>/photos/<int:photo_pk>/", cases.photo, name="photo"),
    path("manage/", handling.cases, name="cases"),
    path("manage/bookings/<int:booking_pk>/report/", handling.report, name="report"),
    path("manage/tips/<int:pk>/", handling.tip, name="tip"),
    path("manage/tips/<int:pk>/dismiss/", handling.tip_dismiss, name="tip_dismiss"),
    path("manage/tips/<int:pk>/photos/<int:photo_pk>/", handling.tip_photo, name="tip_photo"),
    path("manage/cases/<int:pk>/photos/", handling.add_photo, name="add_photo"),
    path("manage/cases/<int:pk>/hearing/", handling.open_hearing, name="open_hearing"),
    path("manage/cases/<int:pk>/decide/", handling.decide, name="decide"),
    path(
        "manage/cases/<int:pk>/reconsideration/",
        handling.decide_reconsideration,
        name="decide_reconsideration",
    ),
]
