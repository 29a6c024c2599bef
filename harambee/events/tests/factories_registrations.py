"""Registrations (delegates) for tests of documents, made directly (nominations are another branch's)."""

from datetime import date

import factory

from harambee.events.choices import RegistrationStatus
from harambee.events.models import Attendance, Registration
from harambee.registry.models import Country


class RegistrationFactory(factory.django.DjangoModelFactory):
    """An approved delegate who writes in English; pass `event` and `member`."""

    class Meta:
        model = Registration

    full_name = factory.Sequence(lambda n: f"Delegate {n}")
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    position = "Director of Digital Policy"
    language = "en"
    status = RegistrationStatus.APPROVED
    consent_participant_list = True


def with_passport(registration: Registration, *, iso3: str = "ZMB") -> Registration:
    """`registration` asking for a visa letter, with its passport details."""
    registration.visa_letter_requested = True
    registration.nationality = Country.objects.get(iso3=iso3)
    registration.passport_number = "ZN1234567"
    registration.passport_expiry = date(2030, 1, 31)
    registration.date_of_birth = date(1985, 6, 2)
    registration.save()
    return registration


def check_in(registration: Registration, session=None) -> Attendance:
    return Attendance.objects.create(registration=registration, session=session)
