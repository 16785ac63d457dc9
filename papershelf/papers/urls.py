from django.urls import path

from papershelf.papers import views

urlpatterns = [
    path("papers/", views.paper_list, name="papers-list"),
    path("papers/new/", views.paper_new, name="papers-new"),
    path("papers/<int:pk>/", views.paper_detail, name="papers-detail-short"),
    path("papers/<int:pk>/<slug:slug>/", views.paper_detail, name="papers-detail"),
    path("papers/<int:pk>/edit", views.paper_edit, name="papers-edit"),
    path("papers/<int:pk>/topics", views.paper_tag, name="papers-tag"),
    path("years/", views.year_list, name="papers-years"),
    path("years/<int:year>/", views.year_detail, name="papers-year"),
    path("years/unknown/", views.year_unknown, name="papers-year-unknown"),
    path("venues/", views.venue_list, name="papers-venues"),
    path("venues/<slug:slug>/", views.venue_detail, name="papers-venue"),
    path("authors/", views.author_list, name="papers-authors"),
    path("authors/<slug:slug>/", views.author_detail, name="papers-author"),
]
