import HTTPTypes

/// Every model that appears in the OpenAPI document, with its example encoded the way the API
/// encodes it (tests validate each example against its schema).
enum ModelCatalog {
    struct Entry: Sendable {
        var name: String
        var schema: JSONSchema
        var example: [UInt8]
    }

    static func entry<M: APIModel>(_ type: M.Type) -> Entry {
        Entry(name: M.schemaName, schema: M.schema, example: APIResult(json: M.example).body)
    }

    static func page<M: APIModel>(_ type: M.Type) -> Entry {
        let page = Page(items: [M.example], page: 1, perPage: 50, total: 1)
        return Entry(name: Page<M>.schemaName, schema: Page<M>.schema, example: APIResult(json: page).body)
    }

    static var all: [Entry] {
        [
            entry(ProblemModel.self), entry(LoginRequest.self), entry(LoginResponse.self), entry(MeResponse.self),
            entry(PasswordChange.self), entry(UserDTO.self), entry(UserCreate.self), entry(UserUpdate.self),
            entry(TenancyDTO.self), entry(TenancyCreate.self), entry(ProvisionedTenancy.self), entry(ISPDTO.self),
            entry(ISPCreate.self), entry(ProvisionedISP.self), entry(CustomerDTO.self), entry(CustomerCreate.self),
            entry(CustomerUpdate.self), entry(PackageDTO.self), entry(PackageInput.self), entry(PriceDTO.self),
            entry(PriceCreate.self), entry(NASDTO.self), entry(NASInput.self), entry(PoolDTO.self),
            entry(PoolCreate.self),
            entry(GatewayDTO.self), entry(GatewayCreate.self), entry(WalletDTO.self), entry(TopUpRequest.self),
            entry(LedgerTransactionDTO.self), entry(InvoiceDTO.self), entry(PlanDTO.self), entry(SaleDTO.self),
            entry(RenewRequest.self), entry(ChangePackageRequest.self), entry(SessionDTO.self), entry(UsageDTO.self),
            entry(AuditDTO.self), entry(DecisionExplanation.self), entry(PermissionDTO.self), entry(GrantsDTO.self),
            entry(ChargeCreate.self), entry(PlanCreate.self), entry(ReportDocument.self), entry(TenancyPatch.self),
            entry(ISPPatch.self), entry(PlanPatch.self), entry(PoolPatch.self), entry(GatewayPatch.self),
            entry(RoleLabelDTO.self), entry(HealthDTO.self), entry(DisconnectReport.self), entry(PaymentWebhook.self),
            page(CustomerDTO.self), page(TenancyDTO.self), page(ISPDTO.self), page(UserDTO.self), page(PackageDTO.self),
            page(PriceDTO.self), page(NASDTO.self), page(PoolDTO.self), page(GatewayDTO.self), page(WalletDTO.self),
            page(LedgerTransactionDTO.self), page(InvoiceDTO.self), page(PlanDTO.self), page(SessionDTO.self),
            page(UsageDTO.self), page(AuditDTO.self), page(SaleDTO.self),
            entry(EnforcementAttemptDTO.self), page(EnforcementAttemptDTO.self),
        ]
    }
}

/// The encoded example of every component schema, by schema name (for tests that validate
/// examples against the published document).
public func openAPIModelExamples() -> [String: [UInt8]] {
    Dictionary(ModelCatalog.all.map { ($0.name, $0.example) }, uniquingKeysWith: { first, _ in first })
}
