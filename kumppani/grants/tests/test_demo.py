import io

from kumppani.accounts.tests.factories import UserFactory
from kumppani.grants import demo
from kumppani.grants.models import Call, CallStatus, GrantDecision, Programme
from kumppani.organizations.tests.factories import OrganizationFactory


def test_demo_grants_load_twice_without_duplicates(client, db):
    officer = UserFactory.staff(role="grant_officer", email=demo.OFFICER_EMAIL)
    for _ in range(12):
        OrganizationFactory(verified=True)
    demo.load(io.StringIO())
    counts = (Programme.objects.count(), Call.objects.count(), GrantDecision.objects.count())
    demo.load(io.StringIO())
    assert counts == (
        Programme.objects.count(),
        Call.objects.count(),
        GrantDecision.objects.count(),
    )
    assert counts[0] == 3
    assert counts[2] >= 15
    assert [c.status for c in Call.objects.all()].count(CallStatus.OPEN) == 1
    assert set(Programme.objects.get(slug="projektiavustus").officers.all()) == {officer}
    response = client.get("/sv/grants/")
    assert response.status_code == 200 and "Projektbidrag" in response.text
