import BillingCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// Packages, prices, NAS, IP pools and gateways of an ISP.
enum NetworkRoutes {
    static func routes() -> [APIRoute] { packages() + prices() + nas() + pools() + gateways() }

    static let ispFilter = QueryParameter("isp_id", .id, "only this ISP")

    static func packages() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/packages", operationID: "listPackages",
                summary: "Packages of the ISPs the caller works in",
                tag: "packages", access: .anyone, query: [ispFilter] + Pagination.parameters,
                response: .ref(Page<PackageDTO>.schemaName)
            ) { input in
                let isp = try input.queryInt("isp_id", in: 1...Int64.max)
                let items = input.engine.visiblePackages(by: try input.requireCaller().id)
                    .filter { isp == nil || $0.ispID.rawValue == isp }.map(PackageDTO.init)
                return try Pagination.page(items, input)
            },
            APIRoute(
                .get, "/api/v1/packages/{id}", operationID: "getPackage", summary: "One package", tag: "packages",
                access: .signedIn([.visible(.path("id"), .package)]), response: PackageDTO.ref
            ) { input in
                guard let package = input.engine.package(PackageID(try input.pathID())) else { throw Problem.notFound }
                return APIResult(json: PackageDTO(package))
            },
            APIRoute(
                .post, "/api/v1/packages", operationID: "createPackage", summary: "Define a package (Admin)",
                tag: "packages", access: .permitted(.body("isp_id", optional: false), .isp, .managePackages),
                request: PackageInput.ref, status: 201, response: PackageDTO.ref
            ) { input in
                let body = try input.decode(PackageInput.self)
                guard let isp = body.ispId else { throw Problem.validation("isp_id", "is required") }
                let package = try input.engine.createPackage(
                    body.spec, isp: ISPID(isp), by: try input.requireCaller().id)
                return APIResult(status: .created, json: PackageDTO(package))
            },
            APIRoute(
                .put, "/api/v1/packages/{id}", operationID: "updatePackage", summary: "Replace a package's definition",
                tag: "packages", access: .onPath(.package, .managePackages), request: PackageInput.ref,
                response: PackageDTO.ref
            ) { input in
                let body = try input.decode(PackageInput.self)
                let package = try input.engine.updatePackage(
                    PackageID(try input.pathID()), body.spec,
                    by: try input.requireCaller().id)
                return APIResult(json: PackageDTO(package))
            },
            APIRoute(
                .delete, "/api/v1/packages/{id}", operationID: "archivePackage",
                summary: "Archive a package (no new sales; existing customers keep it)", tag: "packages",
                access: .onPath(.package, .managePackages), status: 204, response: nil
            ) { input in
                try input.engine.archivePackage(PackageID(try input.pathID()), by: try input.requireCaller().id)
                return .noContent
            },
        ]
    }

    static func prices() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/prices", operationID: "listPrices",
                summary: "The price book of an ISP as the caller may see it",
                tag: "packages", access: .signedIn([.visible(.query("isp_id"), .isp)]),
                query: [QueryParameter("isp_id", .id, "the ISP (default: the caller's)")] + Pagination.parameters,
                response: .ref(Page<PriceDTO>.schemaName)
            ) { input in
                let caller = try input.requireCaller()
                guard let isp = try input.queryInt("isp_id", in: 1...Int64.max) ?? caller.account.ispID?.rawValue else {
                    throw Problem.validation("isp_id", "is required for accounts outside an ISP")
                }
                return try Pagination.page(
                    input.engine.priceBook(isp: ISPID(isp), by: caller.id).map(PriceDTO.init), input)
            },
            APIRoute(
                .get, "/api/v1/prices/{id}", operationID: "getPrice", summary: "One price-book entry", tag: "packages",
                access: .signedIn([.visible(.path("id"), .price)]), response: PriceDTO.ref
            ) { input in
                guard let entry = input.engine.priceEntry(PriceEntryID(try input.pathID())) else {
                    throw Problem.notFound
                }
                return APIResult(json: PriceDTO(entry))
            },
            APIRoute(
                .post, "/api/v1/prices", operationID: "setPrice",
                summary: "Add an effective-dated price (a seller's cost, or its customers' price)", tag: "packages",
                access: .signedIn([
                    .visible(.body("package_id", optional: false), .package),
                    .visible(.body("buyer_id", optional: false), .account),
                ]),
                request: PriceCreate.ref, status: 201, response: PriceDTO.ref
            ) { input in
                let body = try input.decode(PriceCreate.self)
                let entry = try input.engine.setPrice(
                    package: PackageID(body.packageId), for: body.buyer, amount: body.amount,
                    effectiveFrom: body.effectiveFrom, by: try input.requireCaller().id)
                return APIResult(status: .created, json: PriceDTO(entry))
            },
        ]
    }

    static func nas() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/nas", operationID: "listNAS", summary: "NAS / routers the caller may see",
                tag: "network",
                access: .holds(.viewNAS), query: [ispFilter] + Pagination.parameters,
                response: .ref(Page<NASDTO>.schemaName)
            ) { input in
                let isp = try input.queryInt("isp_id", in: 1...Int64.max)
                let items = input.engine.listNAS(by: try input.requireCaller().id)
                    .filter { isp == nil || $0.ispID.rawValue == isp }.map(NASDTO.init)
                return try Pagination.page(items, input)
            },
            APIRoute(
                .get, "/api/v1/nas/{id}", operationID: "getNAS", summary: "One NAS (secrets are write-only)",
                tag: "network", access: .onPath(.nas, .viewNAS), response: NASDTO.ref
            ) { input in
                guard let nas = input.engine.radiusClient(NASID(try input.pathID())) else { throw Problem.notFound }
                return APIResult(json: NASDTO(nas.view))
            },
            APIRoute(
                .post, "/api/v1/nas", operationID: "createNAS", summary: "Add a NAS to an ISP", tag: "network",
                access: .permitted(.body("isp_id", optional: false), .isp, .manageNAS), request: NASInput.ref,
                status: 201, response: NASDTO.ref
            ) { input in
                let body = try input.decode(NASInput.self)
                guard let isp = body.ispId else { throw Problem.validation("isp_id", "is required") }
                let view = try input.engine.createNAS(body.spec, isp: ISPID(isp), by: try input.requireCaller().id)
                return APIResult(status: .created, json: NASDTO(view))
            },
            APIRoute(
                .put, "/api/v1/nas/{id}", operationID: "updateNAS",
                summary: "Replace a NAS's settings (secrets included)",
                tag: "network", access: .onPath(.nas, .manageNAS), request: NASInput.ref, response: NASDTO.ref
            ) { input in
                let body = try input.decode(NASInput.self)
                let view = try input.engine.updateNAS(
                    NASID(try input.pathID()), body.spec, by: try input.requireCaller().id)
                return APIResult(json: NASDTO(view))
            },
            APIRoute(
                .delete, "/api/v1/nas/{id}", operationID: "deleteNAS", summary: "Remove a NAS", tag: "network",
                access: .onPath(.nas, .manageNAS), status: 204, response: nil
            ) { input in
                try input.engine.deleteNAS(NASID(try input.pathID()), by: try input.requireCaller().id)
                return .noContent
            },
        ]
    }

    static func pools() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/pools", operationID: "listPools", summary: "IP pools the caller may see", tag: "network",
                access: .holds(.viewNAS), query: [ispFilter] + Pagination.parameters,
                response: .ref(Page<PoolDTO>.schemaName)
            ) { input in
                let isp = try input.queryInt("isp_id", in: 1...Int64.max)
                let items = input.engine.visiblePools(by: try input.requireCaller().id)
                    .filter { isp == nil || $0.ispID.rawValue == isp }.map(PoolDTO.init)
                return try Pagination.page(items, input)
            },
            APIRoute(
                .get, "/api/v1/pools/{id}", operationID: "getPool", summary: "One IP pool", tag: "network",
                access: .onPath(.pool, .viewNAS), response: PoolDTO.ref
            ) { input in
                guard let pool = input.engine.ipPool(IPPoolID(try input.pathID())) else { throw Problem.notFound }
                return APIResult(json: PoolDTO(pool))
            },
            APIRoute(
                .post, "/api/v1/pools", operationID: "createPool", summary: "Record an IP pool of an ISP",
                tag: "network",
                access: .permitted(.body("isp_id", optional: false), .isp, .manageNAS), request: PoolCreate.ref,
                status: 201, response: PoolDTO.ref
            ) { input in
                let body = try input.decode(PoolCreate.self)
                let pool = try input.engine.createIPPool(
                    name: body.name, ranges: body.ranges, isIPv6: body.ipv6 ?? false,
                    isp: ISPID(body.ispId), by: try input.requireCaller().id)
                return APIResult(status: .created, json: PoolDTO(pool))
            },
            APIRoute(
                .patch, "/api/v1/pools/{id}", operationID: "updatePool",
                summary: "Change an IP pool record (a name packages send cannot change)", tag: "network",
                access: .onPath(.pool, .manageNAS), request: PoolPatch.ref, response: PoolDTO.ref
            ) { input in
                let body = try input.decode(PoolPatch.self)
                let pool = try input.engine.updateIPPool(
                    IPPoolID(try input.pathID()), body.update, by: try input.requireCaller().id)
                return APIResult(json: PoolDTO(pool))
            },
            APIRoute(
                .delete, "/api/v1/pools/{id}", operationID: "deletePool",
                summary: "Delete an IP pool record no package names", tag: "network",
                access: .onPath(.pool, .manageNAS), status: 204, response: nil
            ) { input in
                try input.engine.deleteIPPool(IPPoolID(try input.pathID()), by: try input.requireCaller().id)
                return .noContent
            },
        ]
    }

    static func gateways() -> [APIRoute] {
        [
            APIRoute(
                .get, "/api/v1/gateways", operationID: "listGateways", summary: "Gateways the caller manages",
                tag: "network", access: .holds(.manageGateways), query: Pagination.parameters,
                response: .ref(Page<GatewayDTO>.schemaName)
            ) { input in
                try Pagination.page(
                    input.engine.listGateways(by: try input.requireCaller().id).map(GatewayDTO.init), input)
            },
            APIRoute(
                .get, "/api/v1/gateways/{id}", operationID: "getGateway",
                summary: "One gateway (credentials are write-only)",
                tag: "network", access: .onPath(.gateway, .manageGateways), response: GatewayDTO.ref
            ) { input in
                guard let gateway = input.engine.gatewayWithSecrets(GatewayID(try input.pathID())) else {
                    throw Problem.notFound
                }
                return APIResult(json: GatewayDTO(gateway.view))
            },
            APIRoute(
                .post, "/api/v1/gateways", operationID: "createGateway",
                summary: "Configure a payment or SMS gateway at Developer, tenancy or ISP level", tag: "network",
                access: .signedIn([.gatewayOwner(.manageGateways)]), request: GatewayCreate.ref, status: 201,
                response: GatewayDTO.ref
            ) { input in
                let body = try input.decode(GatewayCreate.self)
                guard let kind = GatewayKind(rawValue: body.kind), let owner = body.owner else {
                    throw Problem.validation("owner_level", "invalid owner")
                }
                let view = try input.engine.createGateway(
                    kind: kind, owner: owner, provider: body.provider, name: body.name, settings: body.settings ?? [:],
                    secrets: body.secrets ?? [:], pricePerMessage: body.pricePerMessage,
                    by: try input.requireCaller().id)
                return APIResult(status: .created, json: GatewayDTO(view))
            },
            APIRoute(
                .patch, "/api/v1/gateways/{id}", operationID: "updateGateway",
                summary: "Change a gateway, rotate or drop credentials, enable or disable it", tag: "network",
                access: .onPath(.gateway, .manageGateways), request: GatewayPatch.ref, response: GatewayDTO.ref
            ) { input in
                let body = try input.decode(GatewayPatch.self)
                let update = GatewayUpdate(
                    provider: body.provider, name: body.name, settings: body.settings, secrets: body.secrets ?? [:],
                    removedSecrets: Set(body.removeSecrets ?? []),
                    pricePerMessage: input.patch(body.pricePerMessage, "price_per_message"), isEnabled: body.enabled)
                let view = try input.engine.updateGateway(
                    GatewayID(try input.pathID()), update, by: try input.requireCaller().id)
                return APIResult(json: GatewayDTO(view))
            },
            APIRoute(
                .delete, "/api/v1/gateways/{id}", operationID: "deleteGateway",
                summary: "Delete a gateway (its past payments stay in the ledger)", tag: "network",
                access: .onPath(.gateway, .manageGateways), status: 204, response: nil
            ) { input in
                try input.engine.deleteGateway(GatewayID(try input.pathID()), by: try input.requireCaller().id)
                return .noContent
            },
        ]
    }
}
