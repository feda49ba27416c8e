import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection to the hub, used by one task at a time: a request, then its response.
final class HTTPConnection {
    /// A response: status code and body text.
    struct Reply {
        var status: Int
        var body: String
    }

    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>
    private let hostHeader: String

    private init(
        inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>, outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>,
        hostHeader: String
    ) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.hostHeader = hostHeader
    }

    /// Connects to `host:port`, runs `body` with the connection and closes it.
    static func with<Value: Sendable>(
        host: String, port: Int, group: any EventLoopGroup,
        _ body: (HTTPConnection) async throws -> Value
    ) async throws -> Value {
        let channel = try await ClientBootstrap(group: group)
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(HTTPConnection(inbound: inbound, outbound: outbound, hostHeader: "\(host):\(port)"))
        }
    }

    /// Sends one request and waits for the whole response.
    func send(_ method: HTTPMethod, _ path: String, bearer: String? = nil, json: String? = nil) async throws -> Reply {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: hostHeader)
        if let bearer { head.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        var parts: [HTTPClientRequestPart] = [.head(head)]
        if let json {
            let body = ByteBuffer(string: json)
            head.headers.add(name: "Content-Type", value: "application/json")
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
            parts = [.head(head), .body(.byteBuffer(body))]
        }
        parts.append(.end(nil))
        try await outbound.write(contentsOf: parts)
        var status = 0
        var body = ByteBuffer()
        while let part = try await inbound.next() {
            switch part {
            case let .head(response): status = Int(response.status.code)
            case var .body(chunk): body.writeBuffer(&chunk)
            case .end: return Reply(status: status, body: String(buffer: body))
            }
        }
        throw BenchError("connection closed before the response to \(method) \(path) ended")
    }
}

/// A failure that stops a benchmark, with a message for the report.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
