import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// What Uplink did to a customer's live sessions (issue 6): the attempt log the enforcement
/// service writes for every Disconnect/CoA-Request and RouterOS API fallback, newest first.
/// Staff roles only: the details name routers and their errors, which customers need not see.
enum EnforcementRoutes {
    static let staff: Set<Role> = Set(Role.allCases).subtracting([.customer])

    static func routes() -> [APIRoute] {
        [
            APIRoute(
                .get, CustomerRoutes.base + "/{id}/enforcement", operationID: "listCustomerEnforcement",
                summary: "Attempts to disconnect or change the customer's live sessions, newest first",
                tag: "customers",
                access: .signedIn([.permitted(.path("id"), .subscriber, .viewSessions), .roles(staff)]),
                query: Pagination.parameters, response: .ref(Page<EnforcementAttemptDTO>.schemaName)
            ) { input in
                let attempts = try input.engine.enforcementAttempts(of: SubscriberID(try input.pathID()), limit: 10_000)
                return try Pagination.page(attempts.map(EnforcementAttemptDTO.init), input)
            }
        ]
    }
}
