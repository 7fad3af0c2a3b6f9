from django.urls import path

from kumppani.bookings.views import booking, calendar, feeds, handling, mine

app_name = "bookings"
urlpatterns = [
    path("", mine.mine, name="mine"),
    path("search/", calendar.search, name="search"),
    path("facilities/<slug:slug>/calendar/", calendar.calendar, name="calendar"),
    path("facilities/<slug:slug>/book/", booking.book, name="book"),
    path("facilities/<slug:slug>/recurring/", booking.book_series, name="book_series"),
    path("facilities/<slug:slug>/busy.ics", calendar.busy_feed, name="busy_feed"),
    path("<int:pk>/", mine.detail, name="detail"),
    path("<int:pk>/move/", mine.move, name="move"),
    path("<int:pk>/cancel/", mine.cancel, name="cancel"),
    path("recurring/<int:pk>/", mine.series_detail, name="series_detail"),
    path("recurring/<int:pk>/cancel/", mine.series_cancel, name="series_cancel"),
    path("recurring/<int:pk>/change/", handling.series_change, name="series_change"),
    path("recurring/<int:pk>/approve/", handling.series_approve, name="series_approve"),
    path("feeds/", feeds.feeds, name="feeds"),
    path("feeds/regenerate/", feeds.feed_regenerate, name="feed_regenerate"),
    path("feeds/revoke/", feeds.feed_revoke, name="feed_revoke"),
    path("feeds/<str:token>.ics", feeds.personal_feed, name="personal_feed"),
    path("api-token/", feeds.api_token, name="api_token"),
    path("handling/", handling.queue, name="handling"),
    path("handling/approve/", handling.bulk_approve, name="bulk_approve"),
    path("manage/<int:pk>/", handling.manage_detail, name="manage_detail"),
    path("manage/<int:pk>/approve/", handling.approve, name="approve"),
    path("manage/<int:pk>/deny/", handling.deny, name="deny"),
    path("manage/<int:pk>/cancel/", handling.staff_cancel, name="staff_cancel"),
    path("manage/<int:pk>/change/", handling.change, name="change"),
    path("manage/facilities/<int:pk>/book/", handling.staff_book, name="staff_book"),
]
