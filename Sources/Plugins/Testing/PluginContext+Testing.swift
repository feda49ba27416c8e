import HubCore
import Logging

extension PluginContext {
    /// A context wired to in-memory fakes, for plugin tests.
    ///
    /// ```swift
    /// let sink = RecordingSink()
    /// let feed = EventFeed()
    /// let context = PluginContext.testing(sink: sink, events: feed)
    /// ```
    public static func testing(
        instanceID: String = "test",
        tenant: TenantID = "acme",
        logger: Logger? = nil,
        clock: HubClock = .system,
        sink: any PluginEventSink = RecordingSink(),
        directory: any DirectoryLookup = InMemoryDirectory(),
        state: any PluginStateStore = InMemoryStateStore(),
        events: EventFeed = EventFeed(),
        outbox: any OutboundMessageQueue = NoOutboundMessages()
    ) -> PluginContext {
        var logger = logger ?? Logger(label: "plugin.\(instanceID)") { _ in SwiftLogNoOpLogHandler() }
        logger[metadataKey: "plugin.instance"] = "\(instanceID)"
        return PluginContext(
            instanceID: instanceID, tenant: tenant, logger: logger, clock: clock, sink: sink,
            directory: directory, state: state, subscribe: events.subscribe, outbox: outbox)
    }
}
