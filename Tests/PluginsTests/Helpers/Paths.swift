import Foundation

/// Where the repository and its samples are, found from this file (symlinks resolved).
enum Paths {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // Helpers
        .deletingLastPathComponent()  // PluginsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let presenceBridge = repositoryRoot.appendingPathComponent("samples/plugins/presence_bridge.py").path
}

/// A temporary directory for one test, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("plugins-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes an executable bash script and returns its path.
    @discardableResult
    func script(_ name: String, _ body: String) throws -> String {
        let path = path(name)
        try ("#!/bin/bash\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// Writes a text file and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String, permissions: Int = 0o644) throws -> String {
        let path = path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        return path
    }

    /// Appends text to a file.
    func append(_ text: String, to name: String) throws {
        let handle = try FileHandle(forWritingTo: url.appendingPathComponent(name))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
