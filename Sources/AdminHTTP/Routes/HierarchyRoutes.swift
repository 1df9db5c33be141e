import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Tenancies, ISPs, users (accounts), role labels, permission grants and subscription plans.
enum HierarchyRoutes {
    static func routes() -> [APIRoute] {
        tenancies() + isps() + users() + labels() + grants() + plans()
    }

    static func tenancies() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/tenancies", operationID: "listTenancies", summary: "Tenancies the caller may see",
                tag: "hierarchy", access: .anyone, query: Pagination.parameters,
                response: .ref(Page<TenancyDTO>.schemaName)
            ) { input in
                try Pagination.page(
                    input.engine.visibleTenancies(by: try input.requireCaller().id).map(TenancyDTO.init), input)
            },
            APIRoute(
                .get, "/api/v1/tenancies/{id}", operationID: "getTenancy", summary: "One tenancy", tag: "hierarchy",
                access: .signedIn([.visible(.path("id"), .tenancy)]), response: TenancyDTO.ref
            ) { input in
                guard let tenancy = input.engine.tenancy(TenancyID(try input.pathID())) else { throw Problem.notFound }
                return APIResult(json: TenancyDTO(tenancy))
            },
            APIRoute(
                .post, "/api/v1/tenancies", operationID: "createTenancy",
                summary: "Create a tenancy and its Super Admin (Developer)", tag: "hierarchy",
                access: .signedIn([.roles([.developer]), .visible(.body("plan_id", optional: true), .plan)]),
                request: TenancyCreate.ref, status: 201, response: ProvisionedTenancy.ref
            ) { input in
                let body = try input.decode(TenancyCreate.self)
                let (tenancy, superAdmin) = try input.engine.createTenancy(
                    name: body.name, currency: body.currency, timeZone: body.timeZone,
                    superAdmin: body.superAdmin.newAccount,
                    planID: body.planId.map(PlanID.init), by: try input.requireCaller().id)
                return APIResult(
                    status: .created,
                    json: ProvisionedTenancy(
                        tenancy: TenancyDTO(tenancy), superAdmin: UserDTO(superAdmin, engine: input.engine)))
            },
            APIRoute(
                .patch, "/api/v1/tenancies/{id}", operationID: "updateTenancy",
                summary: "Rename a tenancy or change its time zone (its Super Admin) or plan (Developer)",
                tag: "hierarchy",
                access: .signedIn([
                    .visible(.path("id"), .tenancy), .roles([.developer, .superAdmin]),
                    .visible(.body("plan_id", optional: true), .plan),
                ]), request: TenancyPatch.ref, response: TenancyDTO.ref
            ) { input in
                let body = try input.decode(TenancyPatch.self)
                let update = TenancyUpdate(
                    name: body.name, timeZone: body.timeZone,
                    planID: input.patch(body.planId, "plan_id").map { $0.map(PlanID.init) })
                let tenancy = try input.engine.updateTenancy(
                    TenancyID(try input.pathID()), update, by: try input.requireCaller().id)
                return APIResult(json: TenancyDTO(tenancy))
            },
            APIRoute(
                .delete, "/api/v1/tenancies/{id}", operationID: "deleteTenancy",
                summary: "Delete a tenancy without ISPs or unsettled money (Developer); its Super Admin is disabled",
                tag: "hierarchy", access: .signedIn([.visible(.path("id"), .tenancy), .roles([.developer])]),
                status: 204, response: nil
            ) { input in
                try input.engine.deleteTenancy(TenancyID(try input.pathID()), by: try input.requireCaller().id)
                return .noContent
            },
        ]
    }

    static func isps() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/isps", operationID: "listISPs", summary: "ISPs the caller may see", tag: "hierarchy",
                access: .anyone,
                query: [QueryParameter("tenancy_id", .id, "only this tenancy")] + Pagination.parameters,
                response: .ref(Page<ISPDTO>.schemaName)
            ) { input in
                let tenancy = try input.queryInt("tenancy_id", in: 1...Int64.max)
                let items = input.engine.visibleISPs(by: try input.requireCaller().id)
                    .filter { tenancy == nil || $0.tenancyID.rawValue == tenancy }.map(ISPDTO.init)
                return try Pagination.page(items, input)
            },
            APIRoute(
                .get, "/api/v1/isps/{id}", operationID: "getISP", summary: "One ISP", tag: "hierarchy",
                access: .signedIn([.visible(.path("id"), .isp)]), response: ISPDTO.ref
            ) { input in
                guard let isp = input.engine.isp(ISPID(try input.pathID())) else { throw Problem.notFound }
                return APIResult(json: ISPDTO(isp))
            },
            APIRoute(
                .post, "/api/v1/isps", operationID: "createISP",
                summary: "Create an ISP and its Admin in the caller's tenancy (Super Admin)", tag: "hierarchy",
                access: .signedIn([
                    .roles([.superAdmin]), .visible(.body("tenancy_id", optional: false), .tenancy),
                    .visible(.body("plan_id", optional: true), .plan),
                ]),
                request: ISPCreate.ref, status: 201, response: ProvisionedISP.ref
            ) { input in
                let body = try input.decode(ISPCreate.self)
                let (isp, admin) = try input.engine.createISP(
                    name: body.name, in: TenancyID(body.tenancyId), admin: body.admin.newAccount,
                    planID: body.planId.map(PlanID.init),
                    smsCostPolicy: body.smsCostPolicy.flatMap(SMSCostPolicy.init) ?? .operatorPays,
                    by: try input.requireCaller().id)
                return APIResult(
                    status: .created,
                    json: ProvisionedISP(isp: ISPDTO(isp), admin: UserDTO(admin, engine: input.engine)))
            },
            APIRoute(
                .patch, "/api/v1/isps/{id}", operationID: "updateISP",
                summary: "Change an ISP's name or SMS cost policy (its Admin), plan or standing (Super Admin)",
                tag: "hierarchy",
                access: .signedIn([
                    .visible(.path("id"), .isp), .roles([.developer, .superAdmin, .admin]),
                    .visible(.body("plan_id", optional: true), .plan),
                ]), request: ISPPatch.ref, response: ISPDTO.ref
            ) { input in
                let body = try input.decode(ISPPatch.self)
                let update = ISPUpdate(
                    name: body.name, smsCostPolicy: body.smsCostPolicy.flatMap(SMSCostPolicy.init),
                    planID: input.patch(body.planId, "plan_id").map { $0.map(PlanID.init) },
                    subscriptionStatus: body.subscriptionStatus.flatMap(ISPSubscriptionStatus.init),
                    onSuspended: body.onSuspended?.limitAction, onDisabled: body.onDisabled?.limitAction,
                    onSubscriptionLapsed: body.onSubscriptionLapsed?.limitAction)
                let isp = try input.engine.updateISP(ISPID(try input.pathID()), update, by: try input.requireCaller().id)
                return APIResult(json: ISPDTO(isp))
            },
            APIRoute(
                .delete, "/api/v1/isps/{id}", operationID: "deleteISP",
                summary: "Delete an ISP without subscribers or unsettled money (Super Admin); its accounts are disabled",
                tag: "hierarchy",
                access: .signedIn([.visible(.path("id"), .isp), .roles([.developer, .superAdmin])]),
                status: 204, response: nil
            ) { input in
                try input.engine.deleteISP(ISPID(try input.pathID()), by: try input.requireCaller().id)
                return .noContent
            },
        ]
    }

    static func users() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/users", operationID: "listUsers", summary: "The caller and the accounts it manages",
                tag: "hierarchy", access: .anyone,
                query: [
                    QueryParameter("role", .enumeration(UserDTO.roleNames), "only this role"),
                    QueryParameter("isp_id", .id, "only this ISP"),
                ] + Pagination.parameters, response: .ref(Page<UserDTO>.schemaName)
            ) { input in
                let caller = try input.requireCaller()
                let role = try input.queryChoice("role", UserDTO.roleNames).flatMap(Role.init(parsing:))
                let isp = try input.queryInt("isp_id", in: 1...Int64.max)
                let items = input.engine.visibleAccounts(by: caller.id)
                    .filter { role == nil || $0.role == role }
                    .filter { isp == nil || $0.ispID?.rawValue == isp }
                    .compactMap { input.engine.account($0.id) }.map { UserDTO($0, engine: input.engine) }
                return try Pagination.page(items, input)
            },
            APIRoute(
                .get, "/api/v1/users/{id}", operationID: "getUser", summary: "One account (itself or managed)",
                tag: "hierarchy", access: .signedIn([.manages(.path("id"))]), response: UserDTO.ref
            ) { input in
                guard let account = input.engine.account(AccountID(try input.pathID())) else { throw Problem.notFound }
                return APIResult(json: UserDTO(account, engine: input.engine))
            },
            APIRoute(
                .post, "/api/v1/users", operationID: "createUser",
                summary: "Create an Operator, Sub-Operator, Manager, Accountant, Staff or Customer login",
                tag: "hierarchy",
                access: .signedIn([
                    .roles([.admin, .operator, .subOperator]), .visible(.body("parent_id", optional: true), .account),
                    .visible(.body("subscriber_id", optional: true), .subscriber),
                ]), request: UserCreate.ref, status: 201, response: UserDTO.ref
            ) { input in
                let body = try input.decode(UserCreate.self)
                guard let role = body.parsedRole else { throw Problem.validation("role", "unknown role") }
                let account = try input.engine.createAccount(
                    role: role, NewAccount(email: body.email, password: body.password, displayName: body.displayName),
                    parentID: body.parentId.map(AccountID.init), subscriberID: body.subscriberId.map(SubscriberID.init),
                    permissions: Grants.parse(body.permissions ?? []), by: try input.requireCaller().id)
                return APIResult(status: .created, json: UserDTO(account, engine: input.engine))
            },
            APIRoute(
                .patch, "/api/v1/users/{id}", operationID: "updateUser",
                summary: "Disable/enable, reset the password or set the credit limit of a managed account",
                tag: "hierarchy", access: .signedIn([.manages(.path("id"))]), request: UserUpdate.ref,
                response: UserDTO.ref
            ) { input in
                let caller = try input.requireCaller()
                let id = AccountID(try input.pathID())
                let body = try input.decode(UserUpdate.self)
                guard id != caller.id else {
                    throw Problem(
                        .forbidden, slug: "forbidden", title: "Not permitted",
                        detail: "change your own password with POST /api/v1/me/password")
                }
                if let creditLimit = body.creditLimit {
                    try input.engine.setCreditLimit(creditLimit, for: id, by: caller.id)
                }
                if let password = body.password {
                    try input.engine.setPassword(password, of: id, by: caller.id)
                    try input.dependencies.tokens.revokeAll(of: id)
                }
                if let disabled = body.disabled {
                    try input.engine.setAccountDisabled(disabled, account: id, by: caller.id)
                    if disabled { try input.dependencies.tokens.revokeAll(of: id) }
                }
                guard let account = input.engine.account(id) else { throw Problem.notFound }
                return APIResult(json: UserDTO(account, engine: input.engine))
            },
        ]
    }

    static func labels() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/role-labels", operationID: "listRoleLabels",
                summary: "Labels of the customisable roles in a tenancy", tag: "hierarchy",
                access: .signedIn([.visible(.query("tenancy_id"), .tenancy)]),
                query: [QueryParameter("tenancy_id", .id, "the tenancy (default: the caller's)")],
                response: .array(RoleLabelDTO.ref)
            ) { input in
                let caller = try input.requireCaller()
                guard
                    let tenancy = try input.queryInt("tenancy_id", in: 1...Int64.max)
                        ?? caller.account.tenancyID?.rawValue
                else { throw Problem.validation("tenancy_id", "is required for accounts without a tenancy") }
                let labels = RoleLabels.customisable.sorted().map { role in
                    RoleLabelDTO(
                        tenancyId: tenancy, role: role.name,
                        label: input.engine.label(for: role, in: TenancyID(tenancy)))
                }
                return APIResult(json: labels)
            },
            APIRoute(
                .put, "/api/v1/role-labels", operationID: "setRoleLabel",
                summary: "Set or clear (null) the label of Admin, Operator or Sub-Operator", tag: "hierarchy",
                access: .signedIn([.visible(.body("tenancy_id", optional: false), .tenancy)]),
                request: RoleLabelDTO.ref, response: RoleLabelDTO.ref
            ) { input in
                let body = try input.decode(RoleLabelDTO.self)
                guard let role = Role(parsing: body.role) else { throw Problem.validation("role", "unknown role") }
                try input.engine.setRoleLabel(
                    body.label, for: role, in: TenancyID(body.tenancyId), by: try input.requireCaller().id)
                return APIResult(
                    json: RoleLabelDTO(
                        tenancyId: body.tenancyId, role: role.name,
                        label: input.engine.label(for: role, in: TenancyID(body.tenancyId))))
            },
        ]
    }

    static func grants() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/permissions", operationID: "listPermissions",
                summary: "The permissions an Admin can grant to Managers and Staff", tag: "hierarchy", access: .anyone,
                response: .array(PermissionDTO.ref)
            ) { _ in
                APIResult(json: Permission.allCases.map { PermissionDTO(name: $0.rawValue, readOnly: $0.isReadOnly) })
            },
            APIRoute(
                .get, "/api/v1/permissions/{id}", operationID: "getGrants",
                summary: "The explicit grants of an account", tag: "hierarchy",
                access: .signedIn([.manages(.path("id"))]), response: GrantsDTO.ref
            ) { input in
                guard let account = input.engine.account(AccountID(try input.pathID())) else { throw Problem.notFound }
                return APIResult(
                    json: GrantsDTO(
                        userId: account.id.rawValue, permissions: account.permissions.map(\.rawValue).sorted()))
            },
            APIRoute(
                .put, "/api/v1/permissions/{id}", operationID: "setGrants",
                summary: "Replace the grants of a Manager or Staff account (Admin)", tag: "hierarchy",
                access: .signedIn([.manages(.path("id"))]), request: GrantsDTO.ref, response: GrantsDTO.ref
            ) { input in
                let id = AccountID(try input.pathID())
                let body = try input.decode(GrantsDTO.self)
                try input.engine.setPermissions(
                    Grants.parse(body.permissions), of: id, by: try input.requireCaller().id)
                guard let account = input.engine.account(id) else { throw Problem.notFound }
                return APIResult(
                    json: GrantsDTO(userId: id.rawValue, permissions: account.permissions.map(\.rawValue).sorted()))
            },
        ]
    }

    static func plans() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/plans", operationID: "listPlans", summary: "Subscription plans the caller may see",
                tag: "money", access: .anyone, query: Pagination.parameters,
                response: .ref(Page<PlanDTO>.schemaName)
            ) { input in
                try Pagination.page(
                    input.engine.visiblePlans(by: try input.requireCaller().id).map(PlanDTO.init), input)
            },
            APIRoute(
                .get, "/api/v1/plans/{id}", operationID: "getPlan", summary: "One subscription plan", tag: "money",
                access: .signedIn([.visible(.path("id"), .plan)]), response: PlanDTO.ref
            ) { input in
                let id = try input.pathID()
                guard
                    let plan = input.engine.visiblePlans(by: try input.requireCaller().id).first(where: {
                        $0.id.rawValue == id
                    })
                else { throw Problem.forbidden }
                return APIResult(json: PlanDTO(plan))
            },
            APIRoute(
                .patch, "/api/v1/plans/{id}", operationID: "updatePlan",
                summary: "Change a plan (its definer); a new fee applies from the next invoice", tag: "money",
                access: .signedIn([.visible(.path("id"), .plan), .roles([.developer, .superAdmin])]),
                request: PlanPatch.ref, response: PlanDTO.ref
            ) { input in
                let body = try input.decode(PlanPatch.self)
                let update = PlanUpdate(
                    name: body.name, monthlyFee: body.monthlyFee,
                    maxPPPSubscribers: input.patch(body.maxPppSubscribers, "max_ppp_subscribers"),
                    graceDays: body.graceDays)
                let plan = try input.engine.updatePlan(PlanID(try input.pathID()), update, by: try input.requireCaller().id)
                return APIResult(json: PlanDTO(plan))
            },
            APIRoute(
                .delete, "/api/v1/plans/{id}", operationID: "deletePlan",
                summary: "Delete a plan no tenancy or ISP is on (its definer)", tag: "money",
                access: .signedIn([.visible(.path("id"), .plan), .roles([.developer, .superAdmin])]),
                status: 204, response: nil
            ) { input in
                try input.engine.deletePlan(PlanID(try input.pathID()), by: try input.requireCaller().id)
                return .noContent
            },
        ]
    }
}
