/// Changes to a tenancy's settings; nil leaves a field alone. `planID` is a double optional:
/// `.some(nil)` takes the tenancy off its platform plan. The currency is not editable: every
/// amount already booked in the tenancy is in it.
public struct TenancyUpdate: Sendable, Hashable {
    public var name: String?
    /// IANA time-zone identifier; future expiries and day boundaries use it.
    public var timeZone: String?
    /// The Developer's platform plan for the tenancy (Developer only).
    public var planID: PlanID??

    public init(name: String? = nil, timeZone: String? = nil, planID: PlanID?? = nil) {
        self.name = name
        self.timeZone = timeZone
        self.planID = planID
    }
}
