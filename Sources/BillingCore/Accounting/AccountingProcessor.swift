import Foundation

/// Applies a batch of accounting records to a working copy of the session and subscriber state
/// and collects the resulting change set. Rules (RFC 2866, mikrotik.md §4):
/// - sessions are keyed by NAS + Acct-Session-Id; counters are cumulative, so the stored totals
///   are replaced by the latest (larger) values and only the difference counts as new usage;
/// - a Start for a known session, or anything for a session already stopped, is a duplicate;
/// - an Interim-Update or Stop for an unknown session opens it from the record (lost Start);
/// - a Start on a NAS where the same user already has an open session on the same port or MAC
///   (or whose package allows one session) closes that session as superseded (lost Stop);
/// - Accounting-On/Off closes every open session of the NAS;
/// - usage rolls up per subscriber per local day; crossing the package quota marks the
///   subscriber over-quota and emits an enforcement event.
struct AccountingProcessor {
    private(set) var changes = ChangeSet()
    private(set) var result = AccountingBatchResult()
    private var sessions: [SessionKey: AccountingSession] = [:]
    /// Keys of the sessions of this batch, per subscriber.
    private var touched: [SubscriberID: [SessionKey]] = [:]
    private var subscribers: [SubscriberID: Subscriber] = [:]
    private var usage: [UsageKey: UsageDay] = [:]
    private var calendars: [ISPID: BillingCalendar] = [:]
    /// Local day keys, handed in by the engine and back out in ``dayKeys`` after the batch.
    private(set) var dayKeys: LocalDayCache<ISPID>

    private struct UsageKey: Hashable {
        var subscriber: SubscriberID
        var day: String
    }
    private let known: [SessionKey: AccountingSession]

    /// - Parameter known: sessions of this batch already in the store but not open in memory.
    init(known: [SessionKey: AccountingSession], dayKeys: LocalDayCache<ISPID> = LocalDayCache()) {
        self.known = known
        self.dayKeys = dayKeys
    }

    mutating func process(_ record: AccountingRecord, state: inout EngineState) {
        guard let nas = state.nasDevices[record.nasID] else {
            result.unknownNAS += 1
            return
        }
        switch record.status {
        case .accountingOn, .accountingOff:
            let keys = Set(state.openSessions.keys.filter { $0.nasID == nas.id }).union(
                sessions.keys.filter { $0.nasID == nas.id && sessions[$0]?.isOpen == true })
            for key in keys {
                guard var session = session(key, state), session.isOpen else { continue }
                session.stoppedAt = record.eventTime
                session.closeReason = .nasRestart
                sessions[key] = session
                result.closedByEngine += 1
            }
        case .start, .interimUpdate, .stop:
            processSession(record, nas: nas, state: &state)
        }
    }

    private mutating func processSession(_ record: AccountingRecord, nas: NASDevice, state: inout EngineState) {
        let key = SessionKey(nasID: nas.id, sessionID: record.sessionID)
        let existing = session(key, state)
        if let existing, !existing.isOpen, existing.closeReason == .stop || record.status == .start {
            result.duplicates += 1
            return
        }
        if record.status == .start, existing != nil {
            result.duplicates += 1
            return
        }
        var session = existing ?? newSession(record, nas: nas, state: state)
        if record.status == .start { supersede(for: session, state: state) }
        let (upload, download) = nas.counterDirection == .standard
            ? (Int64(clamping: record.inputOctets), Int64(clamping: record.outputOctets))
            : (Int64(clamping: record.outputOctets), Int64(clamping: record.inputOctets))
        let deltaUp = max(0, upload - session.uploadBytes)
        let deltaDown = max(0, download - session.downloadBytes)
        session.uploadBytes = max(session.uploadBytes, upload)
        session.downloadBytes = max(session.downloadBytes, download)
        session.inputPackets = max(session.inputPackets, Int64(clamping: record.inputPackets))
        session.outputPackets = max(session.outputPackets, Int64(clamping: record.outputPackets))
        session.sessionTime = max(session.sessionTime, Int64(record.sessionTime ?? 0))
        session.updatedAt = max(session.updatedAt, record.eventTime)
        session.framedIPAddress = record.framedIPAddress ?? session.framedIPAddress
        session.framedIPv6Prefix = record.framedIPv6Prefix ?? session.framedIPv6Prefix
        switch record.status {
        case .stop:
            session.stoppedAt = record.eventTime
            session.terminateCause = record.terminateCause.map(Int.init)
            session.closeReason = .stop
            result.stopped += 1
        case .interimUpdate:
            if !session.isOpen {  // closed by the reaper or a restart, but evidently alive
                session.stoppedAt = nil
                session.closeReason = nil
            }
            result.updated += 1
        default:
            result.started += 1
        }
        sessions[key] = session
        if let subscriberID = session.subscriberID, existing == nil { touched[subscriberID, default: []].append(key) }
        if let subscriberID = session.subscriberID, deltaUp > 0 || deltaDown > 0 {
            addUsage(subscriberID, up: deltaUp, down: deltaDown, at: record.eventTime, state: &state)
        }
    }

    private func session(_ key: SessionKey, _ state: EngineState) -> AccountingSession? {
        sessions[key] ?? state.openSessions[key] ?? known[key]
    }

    private func newSession(_ record: AccountingRecord, nas: NASDevice, state: EngineState) -> AccountingSession {
        var subscriberID = state.byUsername[nas.ispID]?[record.username]
        if subscriberID == nil, let mac = MACAddress(record.username) { subscriberID = state.byMAC[nas.ispID]?[mac] }
        let elapsed = record.status == .start ? 0 : TimeInterval(record.sessionTime ?? 0)
        return AccountingSession(
            nasID: nas.id,
            sessionID: record.sessionID, ispID: nas.ispID, subscriberID: subscriberID, username: record.username,
            startedAt: record.eventTime.addingTimeInterval(-elapsed), updatedAt: record.eventTime, stoppedAt: nil,
            uploadBytes: 0, downloadBytes: 0, inputPackets: 0, outputPackets: 0, sessionTime: 0,
            framedIPAddress: record.framedIPAddress, framedIPv6Prefix: record.framedIPv6Prefix,
            callingStationID: record.callingStationID, nasPort: record.nasPort.map(Int64.init),
            nasPortID: record.nasPortID, terminateCause: nil, closeReason: nil)
    }

    /// Closes open sessions that a new Start proves dead (their Stop was lost).
    private mutating func supersede(for new: AccountingSession, state: EngineState) {
        guard let subscriberID = new.subscriberID else { return }
        let singleSession = state.subscribers[subscriberID].flatMap { state.packages[$0.packageID] }?.simultaneousUse == 1
        let candidates = state.openSessions(of: subscriberID)
            + (touched[subscriberID] ?? []).compactMap { sessions[$0] }.filter(\.isOpen)
        for old in candidates where old.nasID == new.nasID && old.sessionID != new.sessionID {
            let key = SessionKey(nasID: old.nasID, sessionID: old.sessionID)
            guard var current = session(key, state), current.isOpen else { continue }
            let samePort = current.nasPort != nil && current.nasPort == new.nasPort
            let sameMAC = current.callingStationID != nil && current.callingStationID == new.callingStationID
            guard samePort || sameMAC || singleSession else { continue }
            current.stoppedAt = new.startedAt
            current.closeReason = .superseded
            sessions[key] = current
            result.closedByEngine += 1
        }
    }

    private mutating func addUsage(
        _ id: SubscriberID, up: Int64, down: Int64, at time: Date, state: inout EngineState
    ) {
        guard var subscriber = subscribers[id] ?? state.subscribers[id] else { return }
        let calendar = calendar(for: subscriber.ispID, state)
        let day = dayKeys.key(time, for: subscriber.ispID, calendar: calendar)
        let key = UsageKey(subscriber: id, day: day)
        var row = usage[key] ?? UsageDay(subscriberID: id, day: day, uploadBytes: 0, downloadBytes: 0)
        row.uploadBytes = row.uploadBytes.saturatingAdd(up)
        row.downloadBytes = row.downloadBytes.saturatingAdd(down)
        usage[key] = row
        guard let package = state.packages[subscriber.packageID], let quota = package.quota else { return }
        if let start = subscriber.quotaPeriodStart, let next = calendar.nextQuotaReset(quota.reset, after: start),
            next <= time
        {
            subscriber.quotaUsed = 0
            subscriber.quotaPeriodStart = calendar.quotaPeriodStart(quota.reset, containing: time, activatedAt: nil)
            if subscriber.status == .overQuota { subscriber.status = .active }
        }
        if subscriber.quotaPeriodStart == nil {
            subscriber.quotaPeriodStart = calendar.quotaPeriodStart(quota.reset, containing: time, activatedAt: time)
        }
        let before = subscriber.quotaUsed
        subscriber.quotaUsed = subscriber.quotaUsed.saturatingAdd(up.saturatingAdd(down))
        if before < quota.bytes, subscriber.quotaUsed >= quota.bytes, subscriber.status == .active {
            subscriber.status = .overQuota
            result.quotaCrossings.append(id)
        }
        subscribers[id] = subscriber
    }

    private mutating func calendar(for ispID: ISPID, _ state: EngineState) -> BillingCalendar {
        if let cached = calendars[ispID] { return cached }
        let calendar = state.calendar(forISP: ispID)
        calendars[ispID] = calendar
        return calendar
    }

    /// Finishes the batch: change set with sessions, usage increments, subscriber quota state,
    /// audit lines and enforcement events for quota crossings.
    mutating func finish(state: inout EngineState, now: Date) -> (ChangeSet, AccountingBatchResult) {
        changes.sessions = Array(sessions.values)
        changes.usage = Array(usage.values)
        changes.subscribers = Array(subscribers.values)
        for id in result.quotaCrossings {
            guard let before = state.subscribers[id], let after = subscribers[id] else { continue }
            changes.audit.append(BillingEngine.audit(&state, at: now, actor: nil, action: "subscriber.over_quota",
                                                     kind: "subscriber", id: id.rawValue, isp: after.ispID,
                                                     before: before.view, after: after.view))
            let old = BillingEngine.standingDecision(before, state, now: now)
            let new = BillingEngine.standingDecision(after, state, now: now)
            let sameAddress = old.reply?.poolName == new.reply?.poolName && old.reply?.staticIPv4 == new.reply?.staticIPv4
                && old.reply?.addressList == new.reply?.addressList
            let action: EnforcementAction = new.reply != nil && sameAddress ? .changeAuthorization : .disconnect
            changes.events.append(BillingEngine.event(&state, after, trigger: .quotaExceeded, action: action, now: now))
        }
        result.events = changes.events
        return (changes, result)
    }
}
