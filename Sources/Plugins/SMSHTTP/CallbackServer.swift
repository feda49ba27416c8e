import HubCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// The plugin's own HTTP listener for gateway callbacks (delivery reports, incoming SMS).
///
/// Small on purpose: one request at a time per connection, bodies capped at ``maxBodyBytes``, every
/// answer plain text. It runs until the task serving it is cancelled.
struct CallbackServer: Sendable {
    /// Where to listen.
    let address: ListenAddress
    /// Largest request body accepted; larger ones get 413.
    let maxBodyBytes: Int
    /// Answers one request.
    let handler: @Sendable (CallbackRequest) async -> CallbackResponse

    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// A bound listener, not yet accepting.
    struct Bound: Sendable {
        let channel: NIOAsyncChannel<Connection, Never>
        /// The port bound (the real one when the settings asked for port 0).
        let port: Int
    }

    /// Binds the address; a port in use or an unknown host is ``PluginError/unavailable(_:)``.
    func bind() async throws -> Bound {
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: address.host, port: address.port) { child in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                        return try Connection(wrappingChannelSynchronously: child)
                    }
                }
            return Bound(channel: channel, port: channel.channel.localAddress?.port ?? address.port)
        } catch {
            throw PluginError.unavailable("callback listener cannot bind \(address): \(error)")
        }
    }

    /// Accepts connections until cancelled, then closes the listener and every connection.
    func serve(_ bound: Bound) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await bound.channel.executeThenClose { inbound in
                for try await connection in inbound {
                    group.addTask { await handle(connection) }
                }
            }
            group.cancelAll()
        }
    }

    private func handle(_ connection: Connection) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            var tooLarge = false
            for try await part in inbound {
                switch part {
                case let .head(requestHead):
                    head = requestHead
                    body.clear()
                    tooLarge = false
                case var .body(chunk):
                    if body.readableBytes + chunk.readableBytes > maxBodyBytes { tooLarge = true } else { body.writeBuffer(&chunk) }
                case .end:
                    guard let requestHead = head else { continue }
                    let response: CallbackResponse
                    if tooLarge {
                        response = CallbackResponse(status: 413, body: "body larger than \(maxBodyBytes) bytes\n")
                    } else {
                        let request = CallbackRequest(
                            method: requestHead.method.rawValue, target: requestHead.uri,
                            contentType: requestHead.headers.first(name: "content-type"),
                            body: body.readableBytesView.map { $0 })
                        response = await handler(request)
                    }
                    try await write(response, version: requestHead.version, keepAlive: requestHead.isKeepAlive && !tooLarge, to: outbound)
                    if !requestHead.isKeepAlive || tooLarge { return }
                    head = nil
                }
            }
        }
    }

    private func write(
        _ response: CallbackResponse, version: HTTPVersion, keepAlive: Bool, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        let body = ByteBuffer(string: response.body)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        try await outbound.write(.head(HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)))
        try await outbound.write(.body(.byteBuffer(body)))
        try await outbound.write(.end(nil))
    }
}
