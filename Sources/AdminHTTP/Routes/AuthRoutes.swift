import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Login, logout, the caller's own record and password.
enum AuthRoutes {
    static func routes(limiter: LoginRateLimiter, authenticator: TokenAuthenticator) -> [APIRoute] {
        [
            APIRoute(
                .post, "/api/v1/auth/login", operationID: "login",
                summary: "Exchange email and password for a bearer token",
                tag: "auth", access: .open, request: LoginRequest.ref, response: LoginResponse.ref
            ) { input in
                try login(input, limiter: limiter, authenticator: authenticator)
            },
            APIRoute(
                .post, "/api/v1/auth/logout", operationID: "logout", summary: "Revoke the bearer token used",
                tag: "auth", access: .anyone, status: 204, response: nil
            ) { input in
                try input.dependencies.tokens.revoke(hash: try input.requireCaller().tokenHash)
                return .noContent
            },
            APIRoute(
                .get, "/api/v1/me", operationID: "getMe",
                summary: "The caller: role, level, tenancy, ISP and effective permissions", tag: "auth",
                access: .anyone, response: MeResponse.ref
            ) { input in
                let caller = try input.requireCaller()
                let engine = input.engine
                let account = caller.account
                let me = MeResponse(
                    user: UserDTO(account, engine: engine), role: account.role.name, level: account.role.level,
                    tenancy: account.tenancyID.flatMap(engine.tenancy).map(TenancyDTO.init),
                    isp: account.ispID.flatMap(engine.isp).map(ISPDTO.init),
                    effectivePermissions: Permission.allCases.filter { engine.holdsAnywhere(account.id, $0) }.map(
                        \.rawValue))
                return APIResult(json: me)
            },
            APIRoute(
                .post, "/api/v1/me/password", operationID: "changeOwnPassword",
                summary: "Change the caller's own login password (revokes its other tokens)", tag: "auth",
                access: .anyone, request: PasswordChange.ref, status: 204, response: nil
            ) { input in
                let caller = try input.requireCaller()
                let change = try input.decode(PasswordChange.self)
                guard
                    input.engine.authenticateAccount(email: caller.account.email, password: change.currentPassword)
                        != nil
                else { throw Problem.validation("current_password", "is not correct") }
                try input.engine.setPassword(change.newPassword, of: caller.id, by: caller.id)
                try input.dependencies.tokens.revokeAll(of: caller.id)
                return .noContent
            },
        ]
    }

    /// Checks the rate limits first (a blocked source or account is refused even with the right
    /// password), then the password; every failure counts against both the account and the source.
    static func login(
        _ input: RouteInput, limiter: LoginRateLimiter, authenticator: TokenAuthenticator
    ) throws
        -> APIResult
    {
        let request = try input.decode(LoginRequest.self)
        let now = input.dependencies.clock.now()
        let accountKey = "account:" + request.email.lowercased()
        let sourceKey = "source:" + (clientAddress(input) ?? "unknown")
        if let wait = limiter.retryAfter([accountKey, sourceKey], now: now) {
            throw Problem.tooManyAttempts(retryAfter: wait)
        }
        guard let account = input.engine.authenticateAccount(email: request.email, password: request.password) else {
            limiter.recordFailure([accountKey, sourceKey], now: now)
            input.dependencies.logger.notice(
                "login failed", metadata: ["source": "\(clientAddress(input) ?? "unknown")"])
            throw Problem(.unauthorized, slug: "bad-credentials", title: "Wrong email or password")
        }
        limiter.recordSuccess(account: accountKey)
        try? input.dependencies.tokens.purgeExpired(before: now)
        let (token, expiresAt) = try authenticator.issue(for: account)
        return APIResult(
            json: LoginResponse(token: token, expiresAt: expiresAt, user: UserDTO(account, engine: input.engine)))
    }

    /// The peer address, or the first `X-Forwarded-For` hop when configured to trust a proxy.
    static func clientAddress(_ input: RouteInput) -> String? {
        if input.configuration.trustForwardedFor,
            let forwarded = input.request.headers[HTTPField.Name("X-Forwarded-For")!],
            let first = forwarded.split(separator: ",").first
        {
            let address = first.trimmingCharacters(in: .whitespaces)
            if !address.isEmpty && address.count <= 64 { return address }
        }
        return input.context.peerAddress
    }
}
