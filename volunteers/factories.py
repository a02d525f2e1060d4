"""Test factories for the volunteer's path: training courses and trainings done elsewhere."""

import datetime

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from .models import TrainingCourse, TrainingRecord


class TrainingCourseFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Formation {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = TrainingCourse


class TrainingRecordFactory(DjangoModelFactory):
    email = "camille.dupont@example.org"
    course = factory.SubFactory(TrainingCourseFactory)
    completed_on = datetime.date(2026, 6, 1)
    evidence = "Certificat PSC1"

    class Meta:
        model = TrainingRecord
