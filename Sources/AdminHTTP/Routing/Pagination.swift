import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// `?page=N&per_page=M` over an already scoped, ordered list (ids ascending unless stated).
enum Pagination {
    static let parameters = [
        QueryParameter("page", .integer(minimum: 1, maximum: 1_000_000), "page number, from 1 (default 1)"),
        QueryParameter("per_page", .integer(minimum: 1, maximum: 500), "items per page (default 50)"),
    ]

    static func page<Item: APIModel>(_ items: [Item], _ input: RouteInput) throws -> APIResult {
        let maxPage = Int64(input.configuration.maxPageSize)
        let page = Int(try input.queryInt("page", in: 1...1_000_000) ?? 1)
        let perPage = Int(try input.queryInt("per_page", in: 1...maxPage) ?? 50)
        let start = min(items.count, (page - 1) * perPage)
        let end = min(items.count, start + perPage)
        return APIResult(json: Page(items: Array(items[start..<end]), page: page, perPage: perPage, total: items.count))
    }
}
