import Foundation

/// The access decision, in one place: from the subscriber's billing state, its package, its ISP,
/// its open sessions and the request, compute Accept / restricted Accept / Reject with a reason.
/// Pure and synchronous: the engine calls it under its read lock with the in-memory index, the
/// AAA layer never re-implements any of it. Credential verification is the AAA layer's job.
public struct AccessDecider: Sendable {
    /// Everything one decision reads.
    public struct Input: Sendable {
        public var subscriber: Subscriber
        public var package: ServicePackage?
        public var isp: ISP
        public var openSessions: Int
        public var request: AccessRequest
        public var now: Date

        public init(
            subscriber: Subscriber, package: ServicePackage?, isp: ISP, openSessions: Int,
            request: AccessRequest, now: Date
        ) {
            self.subscriber = subscriber
            self.package = package
            self.isp = isp
            self.openSessions = openSessions
            self.request = request
            self.now = now
        }
    }

    public init() {}

    /// Decides. `packageLookup` resolves the target of a `switchPackage` action.
    public func decide(_ input: Input, packageLookup: (PackageID) -> ServicePackage?) -> AccessDecision {
        let tentative = stateDecision(input, packageLookup: packageLookup)
        guard tentative.reply != nil else { return tentative }
        let limit = max(1, (tentative.reply?.packageID).flatMap(packageLookup)?.simultaneousUse
            ?? input.package?.simultaneousUse ?? 1)
        if input.openSessions >= limit {
            return .reject(.simultaneousUseExceeded,
                           message: "Already connected (\(input.openSessions) of \(limit) sessions in use)")
        }
        return tentative
    }

    private func stateDecision(_ input: Input, packageLookup: (PackageID) -> ServicePackage?) -> AccessDecision {
        let subscriber = input.subscriber
        let policy = input.isp.accessPolicy
        if input.isp.subscriptionStatus == .lapsed {
            return apply(policy.onSubscriptionLapsed, reason: .ispSubscriptionLapsed, input, packageLookup)
        }
        switch subscriber.status {
        case .disabled: return apply(policy.onDisabled, reason: .disabled, input, packageLookup)
        case .suspended: return apply(policy.onSuspended, reason: .suspended, input, packageLookup)
        default: break
        }
        guard subscriber.serviceType.allows(input.request.service) else {
            return .reject(.serviceTypeMismatch, message: "Service not allowed for this account")
        }
        if let binding = subscriber.macBinding {
            let presented = input.request.callingStationID.flatMap { MACAddress($0) }
            guard presented == binding else {
                return .reject(.macMismatch, message: "Device not registered for this account")
            }
        }
        guard let package = input.package, !package.isArchived else {
            return .reject(.packageUnavailable, message: "No service package assigned")
        }
        guard subscriber.status != .new, let expiresAt = subscriber.expiresAt else {
            return .reject(.notActivated, message: "Account not activated")
        }
        if subscriber.status == .expired || expiresAt <= input.now {
            return apply(package.onExpiry, reason: .expired, input, packageLookup)
        }
        if let quota = package.quota, subscriber.quotaUsed >= quota.bytes || subscriber.status == .overQuota {
            return apply(package.onQuota, reason: .overQuota, input, packageLookup)
        }
        return .accept(reply(for: package, input, capAt: expiresAt))
    }

    /// The reply of a package for this subscriber, with `Session-Timeout` capped at `capAt`.
    func reply(for package: ServicePackage, _ input: Input, capAt: Date?) -> ReplyParameters {
        let subscriber = input.subscriber
        var timeout = package.sessionTimeout
        if let capAt {
            let remaining = max(1, Int(capAt.timeIntervalSince(input.now).rounded(.up)))
            timeout = min(timeout ?? remaining, remaining)
        }
        var remainingQuota: Int64?
        if let quota = package.quota, package.id == subscriber.packageID {
            remainingQuota = max(0, quota.bytes - subscriber.quotaUsed)
        }
        return ReplyParameters(
            rateLimit: package.rateLimit, group: package.pppProfile,
            poolName: subscriber.staticIPv4 == nil ? package.poolName : nil,
            staticIPv4: subscriber.staticIPv4, ipv6Prefix: subscriber.ipv6Prefix,
            ipv6PrefixPool: subscriber.ipv6Prefix == nil ? package.ipv6PrefixPool : nil,
            sessionTimeout: timeout, idleTimeout: package.idleTimeout, interimInterval: package.interimInterval,
            addressList: package.addressList, remainingQuotaBytes: remainingQuota, packageID: package.id,
            subscriberID: subscriber.id)
    }

    private func apply(
        _ action: LimitAction, reason: DecisionReason, _ input: Input,
        _ packageLookup: (PackageID) -> ServicePackage?
    ) -> AccessDecision {
        switch action {
        case .reject(let message):
            return .reject(reason, message: message)
        case .restrict(let profile):
            // A restricted profile always uses its pool, never the static address, so the pay
            // page's firewall rules match (phpnuxbill PR #309).
            let reply = ReplyParameters(
                rateLimit: profile.rateLimit, poolName: profile.poolName,
                staticIPv4: profile.poolName == nil ? input.subscriber.staticIPv4 : nil,
                sessionTimeout: profile.sessionTimeout, interimInterval: input.package?.interimInterval,
                addressList: profile.addressList, packageID: input.package?.id, subscriberID: input.subscriber.id)
            return .restricted(reply, reason: reason, message: profile.message)
        case .switchPackage(let targetID):
            guard let target = packageLookup(targetID), !target.isArchived, target.id != input.package?.id else {
                return .reject(reason, message: "Service unavailable")
            }
            // Quota fallback keeps the paid expiry as the session cap; expiry fallback has none.
            let cap = reason == .overQuota ? input.subscriber.expiresAt : nil
            return .restricted(reply(for: target, input, capAt: cap), reason: reason,
                               message: "Service changed to \(target.name)")
        }
    }
}
