import HubCore

extension CalendarSyncEngine {
    /// What every calendar kind's `run(context:)` does: start a libcurl client with `http`, build the
    /// adapter on it, run an engine with `options` until cancelled, shut the client down.
    ///
    /// ```swift
    /// public func run(context: PluginContext) async throws {
    ///     try await CalendarSyncEngine.run(context: context, options: try settings.syncOptions(), http: .calendar(maxConcurrent: 8)) {
    ///         EWSCalendarSource(settings: settings, transport: $0, context: context)
    ///     }
    /// }
    /// ```
    public static func run(
        context: PluginContext, options: CalendarSyncOptions, http: CurlHTTPClient.Configuration,
        source: (any HTTPTransport) -> any CalendarSource
    ) async throws {
        let client: CurlHTTPClient
        do { client = try CurlHTTPClient(configuration: http) } catch {
            throw PluginError.unavailable("cannot start the HTTP client: \(error)")
        }
        defer { client.shutdown() }
        try await CalendarSyncEngine(source: source(client), options: options).run(context: context)
    }
}

extension CurlHTTPClient.Configuration {
    /// A calendar adapter's client: 10 s to connect, an optional customer CA, one connection per read in
    /// flight plus one (for token requests), an optional proxy.
    public static func calendar(maxConcurrent: Int, caFile: String? = nil, proxy: String? = nil) -> Self {
        Self(connectTimeout: .seconds(10), caFile: caFile, proxy: proxy, maxConnectionsPerHost: maxConcurrent + 1)
    }
}
