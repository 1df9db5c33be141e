/// Who may change or delete the hierarchy itself: tenancies, ISPs and subscription plans
/// (role-spec.md, rules 1 and 2). The engine's update and delete operations, and the HTTP
/// layer through them, ask only these.
extension AccessPolicy {
    /// A tenancy's own settings (name, time zone): the Developer, or the tenancy's Super Admin.
    public func canConfigureTenancy(_ actor: Account, _ tenancyID: TenancyID) -> Bool {
        guard !actor.isDisabled else { return false }
        return actor.role == .developer || actor.role == .superAdmin && actor.tenancyID == tenancyID
    }

    /// A tenancy's platform plan and its deletion: the Developer, who creates tenancies (rule 1).
    public func canAdministerTenancy(_ actor: Account) -> Bool {
        canCreateTenancy(actor)
    }

    /// An ISP's own settings (name, SMS cost policy): its Admin, its tenancy's Super Admin, the
    /// Developer.
    public func canConfigureISP(_ actor: Account, _ isp: ISP) -> Bool {
        guard !actor.isDisabled else { return false }
        return canAdministerISP(actor, isp) || actor.role == .admin && actor.ispID == isp.id
    }

    /// An ISP's plan, its standing and its deletion: the Super Admin who created it (rule 2), or
    /// the Developer.
    public func canAdministerISP(_ actor: Account, _ isp: ISP) -> Bool {
        guard !actor.isDisabled else { return false }
        return actor.role == .developer || actor.role == .superAdmin && actor.tenancyID == isp.tenancyID
    }

    /// Defining, changing or deleting a subscription plan: platform plans (`tenancyID` nil) are
    /// the Developer's; a tenancy's plans are its Super Admin's (the Developer may act for it).
    public func canDefinePlan(_ actor: Account, tenancy tenancyID: TenancyID?) -> Bool {
        guard !actor.isDisabled else { return false }
        guard let tenancyID else { return actor.role == .developer }
        return actor.role == .developer || actor.role == .superAdmin && actor.tenancyID == tenancyID
    }
}
