import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// An in-process keep-alive HTTP/1.1 server on 127.0.0.1 that answers like the three calendar services
/// (Graph token + `calendarView/delta`, EWS `FindItem`, Domino DAS `/api/calendar/events`) with canned
/// pages of `eventsPerMailbox` entries, so the calendar bench measures the adapters, not a Python server.
struct CalendarFixtureHTTPServer {
    let channel: any Channel
    var base: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)" }

    static func start(group: any EventLoopGroup, eventsPerMailbox: Int) async throws -> CalendarFixtureHTTPServer {
        let bodies = CalendarFixturePayloads(events: eventsPerMailbox)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 1024)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap { channel.pipeline.addHandler(Handler(bodies: bodies)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return CalendarFixtureHTTPServer(channel: channel)
    }

    func stop() async { try? await channel.close() }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let bodies: CalendarFixturePayloads
        var uri = ""

        init(bodies: CalendarFixturePayloads) { self.bodies = bodies }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case let .head(head): uri = head.uri
            case .body: break
            case .end:
                let (type, body) = bodies.answer(uri: uri)
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: type)
                headers.add(name: "Content-Length", value: "\(body.readableBytes)")
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}

/// The canned answers (built once; every mailbox gets the same entries).
struct CalendarFixturePayloads: Sendable {
    let token: ByteBuffer
    let graph: ByteBuffer
    let ews: ByteBuffer
    let domino: ByteBuffer

    init(events: Int) {
        let hours = (0..<events).map { (day: 4 + $0 / 8, hour: 8 + $0 % 8) }
        token = ByteBuffer(string: #"{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bench"}"#)
        let graphEvents = hours.enumerated().map { index, slot in
            ##"{"@odata.type":"#microsoft.graph.event","@odata.etag":"W/\"DwAAABYAAAA=\"","id":"AAMkAGI2-event-\##(index)","subject":"Meeting \##(index)","showAs":"busy","sensitivity":"normal","isAllDay":false,"isCancelled":false,"type":"occurrence","categories":["Presence"],"responseStatus":{"response":"accepted","time":"2026-04-20T08:00:00Z"},"start":{"dateTime":"2026-05-0\##(slot.day)T\##(String(format: "%02d", slot.hour)):00:00.0000000","timeZone":"UTC"},"end":{"dateTime":"2026-05-0\##(slot.day)T\##(String(format: "%02d", slot.hour)):30:00.0000000","timeZone":"UTC"}}"##
        }
        graph = ByteBuffer(string: ##"{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Collection(event)","@odata.deltaLink":"http://127.0.0.1/v1.0/users/x/calendarView/delta?$deltatoken=bench","value":["## + graphEvents.joined(separator: ",") + "]}")
        let items = hours.enumerated().map { index, slot in
            let hour = String(format: "%02d", slot.hour)
            return "<t:CalendarItem><t:ItemId Id=\"AAMkAGI2-item-\(index)=\" ChangeKey=\"DwAAABYA\"/><t:Subject>Meeting \(index)</t:Subject>"
                + "<t:Sensitivity>Normal</t:Sensitivity><t:Categories><t:String>Presence</t:String></t:Categories>"
                + "<t:Start>2026-05-0\(slot.day)T\(hour):00:00Z</t:Start><t:End>2026-05-0\(slot.day)T\(hour):30:00Z</t:End>"
                + "<t:IsAllDayEvent>false</t:IsAllDayEvent><t:LegacyFreeBusyStatus>Busy</t:LegacyFreeBusyStatus>"
                + "<t:IsCancelled>false</t:IsCancelled><t:CalendarItemType>Single</t:CalendarItemType><t:MyResponseType>Accept</t:MyResponseType></t:CalendarItem>"
        }
        ews = ByteBuffer(string: """
            <?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>\
            <m:FindItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" \
            xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>\
            <m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>\
            <m:RootFolder TotalItemsInView="\(events)" IncludesLastItemInRange="true"><t:Items>\(items.joined())</t:Items></m:RootFolder>\
            </m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse></s:Body></s:Envelope>
            """)
        let dominoEvents = hours.enumerated().map { index, slot in
            let hour = String(format: "%02d", slot.hour)
            return #"{"href":"/mail/x.nsf/api/calendar/events/UID\#(index)","id":"UID\#(index)-Lotus_Notes_Generated","summary":"Meeting \#(index)","start":{"date":"2026-05-0\#(slot.day)","time":"\#(hour):00:00","utc":true},"end":{"date":"2026-05-0\#(slot.day)","time":"\#(hour):30:00","utc":true},"class":"public","transparency":"opaque","sequence":0,"x-lotus-appttype":{"data":"3"}}"#
        }
        domino = ByteBuffer(string: #"{"events":["# + dominoEvents.joined(separator: ",") + "]}")
    }

    /// Content type and body for a request URI.
    func answer(uri: String) -> (String, ByteBuffer) {
        if uri.contains("/oauth2/v2.0/token") { return ("application/json", token) }
        if uri.contains("/calendarView/delta") { return ("application/json", graph) }
        if uri.contains("/api/calendar/events") { return ("application/json", domino) }
        return ("text/xml; charset=utf-8", ews)
    }
}
