import HubCore

/// The plugin kinds this hub can run, looked up by kind id. A value built once in `main`, so tests
/// can build their own with fake kinds.
struct PluginRegistry: Sendable {
    private(set) var factories: [String: PluginFactory] = [:]

    /// Builds a registry; a duplicate kind is a programming error.
    init(_ factories: [PluginFactory]) {
        for factory in factories {
            precondition(self.factories[factory.descriptor.kind] == nil, "plugin kind '\(factory.descriptor.kind)' registered twice")
            self.factories[factory.descriptor.kind] = factory
        }
    }

    /// The factory of `kind`.
    func factory(_ kind: String) -> PluginFactory? { factories[kind] }

    /// Every kind, sorted.
    var kinds: [String] { factories.keys.sorted() }
}
