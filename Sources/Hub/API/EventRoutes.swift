import Foundation
import HubCore
import Hummingbird
import HummingbirdWebSocket
import NIOCore
import ServiceLifecycle

/// The tenant's live event stream over Server-Sent Events and WebSocket (PRES-7).
enum EventRoutes {
    static let path = "/api/v1/tenants/{tenant}/events"
    static let webSocketPath = "/api/v1/tenants/{tenant}/events/ws"

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let bus = services.bus
        let encodings = services.streamEncodings
        routes.add(.get, path) { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let stream = bus.subscribe(tenant: tenant)
            let body = ResponseBody { writer in
                try await writer.write(ByteBuffer(string: ": connected to \(tenant)\n\n"))
                for await event in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: sse(event, for: principal, encodings)))
                }
                try await writer.finish(nil)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: body)
        }
    }

    /// Registers the WebSocket route on the router that handles upgrades.
    static func registerWebSocket(_ router: Router<HubRequestContext>, _ routes: RouteTable, _ services: HubServices) {
        let bus = services.bus
        let encodings = services.streamEncodings
        routes.record(.get, webSocketPath)
        router.ws(RouterPath(RouteTable.hummingbirdPath(webSocketPath))) { _, context in
            _ = try Access.tenant(context)
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, wsContext in
            let context = wsContext.requestContext
            guard let (tenant, principal) = try? Access.tenant(context) else { return }
            let stream = bus.subscribe(tenant: tenant)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in stream.cancelOnGracefulShutdown() {
                        try await outbound.write(.text(json(event, for: principal, encodings)))
                    }
                }
                group.addTask {
                    // Drain client frames; the loop ends when the client closes.
                    for try await _ in inbound {}
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    static func json(_ event: HubEvent, for principal: Principal, _ encodings: StreamEncodingCache) -> String {
        encodings.text(event, viewer: principal.user, privileged: principal.role != .user)
    }

    static func sse(_ event: HubEvent, for principal: Principal, _ encodings: StreamEncodingCache) -> String {
        "id: \(event.sequence)\nevent: \(event.type)\ndata: \(json(event, for: principal, encodings))\n\n"
    }
}
