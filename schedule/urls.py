from django.urls import path

from . import views

app_name = "schedule"

urlpatterns = [
    path("lich-cong-tac/", views.index, name="week"),
    path("lich-cong-tac/tuan-nay.ics", views.current_ics, name="current_ics"),
    path("lich-cong-tac/<int:year>/<int:number>/", views.week_of, name="week_of"),
    path("lich-cong-tac/<int:year>/<int:number>.ics", views.week_ics, name="week_ics"),
]
