import Testing

@testable import BillingCore

@Suite struct RoleTests {
    @Test func levelsAreExactlyTheSpecification() {
        let levels = Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, $0.level) })
        #expect(levels == [.developer: 0, .superAdmin: 10, .admin: 20, .operator: 30, .subOperator: 40,
                           .manager: 50, .accountant: 70, .staff: 80, .customer: 100])
    }

    @Test func lowerLevelMeansMorePrivilege() {
        #expect(Role.developer < .superAdmin)
        #expect(Role.admin < .operator)
        #expect(Role.staff < .customer)
    }

    @Test(arguments: [
        ("group_admin", Role.admin), ("group-admin", .admin), ("reseller", .operator), ("sub_reseller", .subOperator),
        ("sub-reseller", .subOperator), ("super-admin", .superAdmin), ("Sub-Operator", .subOperator),
        ("operator", .operator), ("customer", .customer),
    ])
    func legacyAndSlugNamesMap(input: String, expected: Role) {
        #expect(Role(parsing: input) == expected)
    }

    @Test func unknownNamesAreRejected() {
        #expect(Role(parsing: "root") == nil)
        #expect(Role(parsing: "") == nil)
    }

    @Test func canCreateColumn() {
        #expect(Role.developer.creatableRoles == [.superAdmin])
        #expect(Role.superAdmin.creatableRoles == [.admin])
        #expect(Role.admin.creatableRoles == [.operator, .subOperator, .manager, .accountant, .staff, .customer])
        #expect(Role.operator.creatableRoles == [.subOperator, .customer])
        #expect(Role.subOperator.creatableRoles == [.customer])
        for role in [Role.manager, .accountant, .staff, .customer] { #expect(role.creatableRoles.isEmpty) }
    }
}
