import factory

from harambee.registry.models import Country, Member, MemberKind, MemberRole, Membership, MemberStatus


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"org-{n}")
    kind = MemberKind.ORGANISATION
    name = factory.Sequence(lambda n: f"Organisation {n}")
    organisation_type = "university"
    iati_org_type = "80"
    country = factory.LazyFunction(lambda: Country.objects.get(iso3="ZMB"))
    status = MemberStatus.ACTIVE


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    kind = MemberKind.STATE
    country = factory.LazyFunction(lambda: Country.objects.get(iso3="ZMB"))
    code = factory.LazyAttribute(lambda o: o.country.iso3.lower())
    iati_org_type = "10"
    status = MemberStatus.ACTIVE


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    member = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory("harambee.accounts.tests.factories.UserFactory")
    role = MemberRole.EDITOR
