def test_personas_have_their_roles(resident, org_member, org_admin, liaison, facility_manager):
    assert not resident.is_city_staff
    assert org_member.memberships.get().role == "member"
    assert org_admin.memberships.get().is_admin
    assert liaison.has_role("liaison") and not liaison.has_role("grant_officer")
    assert facility_manager.is_city_staff


def test_administrator_has_every_role(administrator):
    assert administrator.has_role("grant_officer")
    assert administrator.has_role("liaison")
