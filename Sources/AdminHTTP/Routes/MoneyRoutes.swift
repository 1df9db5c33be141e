import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Wallets, the ledger, invoices and the payment-gateway webhook.
enum MoneyRoutes {
    static func routes() -> [APIRoute] { wallets() + ledger() + invoices() + [webhook()] }

    static func wallets() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/wallets", operationID: "listWallets",
                summary: "Wallets (Operators, Sub-Operators) whose money the caller may view", tag: "money",
                access: .holds(.viewMoney), query: Pagination.parameters,
                response: .ref(Page<WalletDTO>.schemaName)
            ) { input in
                let caller = try input.requireCaller()
                let holders = input.engine.accounts(with: .viewMoney, roles: [.operator, .subOperator], by: caller.id)
                let items = holders.compactMap { try? wallet(input, $0.id) }
                return try Pagination.page(items, input)
            },
            APIRoute(
                .get, "/api/v1/wallets/{id}", operationID: "getWallet", summary: "A wallet's balance (id = holder)",
                tag: "money", access: .onPath(.account, .viewMoney), response: WalletDTO.ref
            ) { input in
                APIResult(json: try wallet(input, AccountID(try input.pathID())))
            },
            APIRoute(
                .get, "/api/v1/wallets/{id}/entries", operationID: "listWalletEntries",
                summary: "Transactions touching the wallet", tag: "money", access: .onPath(.account, .viewMoney),
                query: period + Pagination.parameters, response: .ref(Page<LedgerTransactionDTO>.schemaName)
            ) { input in
                try transactions(input, .wallet(AccountID(try input.pathID())))
            },
            APIRoute(
                .post, "/api/v1/wallets/{id}/top-up", operationID: "topUpWallet",
                summary: "Fund a wallet from the level above", tag: "money", access: .onPath(.account, .manageMoney),
                idempotent: true, request: TopUpRequest.ref, response: LedgerTransactionDTO.ref
            ) { input in
                let body = try input.decode(TopUpRequest.self)
                let transaction = try input.engine.topUp(
                    wallet: AccountID(try input.pathID()), amount: body.amount,
                    source: body.source.flatMap(TopUpSource.init) ?? .cashReceived,
                    idempotencyKey: try CustomerRoutes.engineKey(input), by: try input.requireCaller().id)
                return APIResult(json: LedgerTransactionDTO(transaction))
            },
        ]
    }

    static let period = [
        QueryParameter("from", .dateTime, "posted at or after (ISO 8601)"),
        QueryParameter("to", .dateTime, "posted before (ISO 8601)"),
    ]

    static let ledgerKinds = ["wallet", "income", "cash", "receivable"]

    static func ledger() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/ledger", operationID: "listLedger",
                summary: "Ledger transactions of one account's wallet, income, cash or receivable", tag: "money",
                access: .signedIn([.holds(.viewMoney), .permitted(.query("account_id"), .account, .viewMoney)]),
                query: [
                    QueryParameter("account_id", .id, "the holder (default: the caller)"),
                    QueryParameter("kind", .enumeration(ledgerKinds), "which ledger account (default wallet)"),
                ] + period + Pagination.parameters,
                response: .ref(Page<LedgerTransactionDTO>.schemaName)
            ) { input in
                let caller = try input.requireCaller()
                let holder = AccountID(try input.queryInt("account_id", in: 1...Int64.max) ?? caller.id.rawValue)
                let account: LedgerAccountRef =
                    switch try input.queryChoice("kind", ledgerKinds) ?? "wallet" {
                    case "income": .income(holder)
                    case "cash": .cash(holder)
                    case "receivable": .receivable(holder)
                    default: .wallet(holder)
                    }
                return try transactions(input, account)
            }
        ]
    }

    static func invoices() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/invoices", operationID: "listInvoices",
                summary: "Invoices the caller issued, pays or may view",
                tag: "money", access: .anyone,
                query: [
                    QueryParameter("status", .enumeration(["open", "paid", "void"]), "only this status")
                ] + Pagination.parameters, response: .ref(Page<InvoiceDTO>.schemaName)
            ) { input in
                let status = try input.queryChoice("status", ["open", "paid", "void"])
                let now = input.dependencies.clock.now()
                let items = input.engine.visibleInvoices(by: try input.requireCaller().id)
                    .filter { status == nil || $0.status.rawValue == status }.map { InvoiceDTO($0, now: now) }
                return try Pagination.page(items, input)
            },
            APIRoute(
                .get, "/api/v1/invoices/{id}", operationID: "getInvoice", summary: "One invoice", tag: "money",
                access: .onPath(.invoice, .viewMoney), response: InvoiceDTO.ref
            ) { input in
                guard let invoice = input.engine.invoice(InvoiceID(try input.pathID())) else { throw Problem.notFound }
                return APIResult(json: InvoiceDTO(invoice, now: input.dependencies.clock.now()))
            },
        ]
    }

    static func wallet(_ input: RouteInput, _ id: AccountID) throws -> WalletDTO {
        let caller = try input.requireCaller()
        guard let holder = input.engine.account(id), holder.role == .operator || holder.role == .subOperator else {
            throw Problem(
                .notFound, slug: "not-found", title: "Not found",
                detail: "only Operators and Sub-Operators have wallets")
        }
        let balance = try input.engine.balance(of: .wallet(id), by: caller.id)
        let currency = holder.tenancyID.flatMap(input.engine.tenancy)?.currency ?? "XXX"
        return WalletDTO(
            id: id.rawValue, ownerEmail: holder.email, balance: balance, creditLimit: holder.creditLimit,
            currency: currency)
    }

    static func transactions(_ input: RouteInput, _ account: LedgerAccountRef) throws -> APIResult {
        let from = try input.queryDate("from")
        let to = try input.queryDate("to")
        let rows = try input.engine.ledgerTransactions(
            of: account, from: from, to: to, by: try input.requireCaller().id)
        return try Pagination.page(rows.map(LedgerTransactionDTO.init), input)
    }

    /// The header carrying `sha256=<hex HMAC-SHA256 of the raw body>` keyed with the gateway's
    /// `webhook_secret`.
    static let signatureHeader = HTTPField.Name("X-Uplink-Signature")!

    static func webhook() -> APIRoute {
        APIRoute(
            .post, "/api/v1/payments/webhook/{gateway}", operationID: "paymentWebhook",
            summary: "A payment gateway reports a captured payment (HMAC-SHA256 signed; idempotent on transaction_id)",
            tag: "money", access: .open, request: PaymentWebhook.ref, response: LedgerTransactionDTO.ref
        ) { input in
            let id = GatewayID(try input.pathID("gateway"))
            guard let gateway = input.engine.gatewayWithSecrets(id), gateway.kind == .payment, gateway.isEnabled,
                let secret = gateway.secrets["webhook_secret"] ?? gateway.secrets["webhookSecret"], !secret.isEmpty
            else { throw Problem.notFound }
            guard let header = input.request.headers[signatureHeader], header.hasPrefix("sha256="),
                let given = Digest.unhex(header.dropFirst("sha256=".count)),
                Digest.constantTimeEqual(given, Digest.hmacSHA256(key: Array(secret.utf8), message: input.body))
            else {
                input.dependencies.logger.notice("webhook signature rejected", metadata: ["gateway": "\(id.rawValue)"])
                throw Problem(
                    .unauthorized, slug: "bad-signature", title: "Missing or invalid webhook signature",
                    detail: "send X-Uplink-Signature: sha256=<hex HMAC-SHA256 of the body>")
            }
            let body = try input.decode(PaymentWebhook.self)
            let transaction = try input.engine.creditGatewayPayment(
                gateway: id, gatewayTransactionID: body.transactionId, to: AccountID(body.accountId),
                amount: body.amount)
            return APIResult(json: LedgerTransactionDTO(transaction))
        }
    }
}

/// How a payment gateway (or its adapter) signs a webhook for `POST /api/v1/payments/webhook/{gateway}`.
public enum WebhookSignature {
    /// The `X-Uplink-Signature` header name.
    public static let header = "X-Uplink-Signature"

    /// The header value for `body`: `sha256=` + lowercase hex HMAC-SHA256 keyed with the
    /// gateway's `webhook_secret`.
    public static func sign(body: [UInt8], secret: String) -> String {
        "sha256=" + Digest.hex(Digest.hmacSHA256(key: Array(secret.utf8), message: body))
    }
}
