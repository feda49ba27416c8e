import Foundation
import Testing

/// DESIGN: HubCore may import swift-log only (plus Foundation), never networking, storage, config or C modules.
private let forbiddenModulePrefixes = [
    "NIO", "Hummingbird", "GRDB", "TOMLKit", "FoundationNetworking", "Subprocess", "CCurl", "CSerialPort", "CLDAP",
]

/// The module an `import` line names, or nil for any other line.
/// Handles attributes (`@preconcurrency`, `@_exported`, `@testable`), access levels and kinds (`import struct NIOCore.ByteBuffer`).
func importedModule(in line: String) -> String? {
    var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
    while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
    let accessLevels: Set<String> = ["public", "package", "internal", "fileprivate", "private"]
    if let first = words.first, accessLevels.contains(first) { words.removeFirst() }
    guard words.first == "import", words.count >= 2 else { return nil }
    let kinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let", "actor"]
    let path = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
    return path.split(separator: ".").first.map(String.init)
}

func isForbidden(_ module: String) -> Bool {
    forbiddenModulePrefixes.contains { module.hasPrefix($0) }
}

/// Sources/Core of the repository this test file lives in (symlinks resolved, so a harness package works too).
private func coreSourcesDirectory() -> URL {
    URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // CoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("Sources/Core")
}

@Suite("HubCore import rule (DESIGN layers)")
struct CoreImportRuleTests {
    @Test func coreImportsOnlyWhatItMay() throws {
        let root = coreSourcesDirectory()
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var files = 0
        var imports: Set<String> = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            files += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let module = importedModule(in: String(line)) else { continue }
                imports.insert(module)
                #expect(!isForbidden(module), "\(url.lastPathComponent):\(number + 1) imports \(module)")
            }
        }
        #expect(files >= 25, "found only \(files) Swift files under \(root.path)")
        #expect(imports.contains("Foundation"))
        #expect(imports.contains("Logging"))
    }

    @Test(arguments: [
        ("import NIOCore", "NIOCore", true),
        ("import NIO", "NIO", true),
        ("@preconcurrency import GRDB", "GRDB", true),
        ("import struct NIOCore.ByteBuffer", "NIOCore", true),
        ("public import Hummingbird", "Hummingbird", true),
        ("@_exported import HummingbirdCore", "HummingbirdCore", true),
        ("import TOMLKit", "TOMLKit", true),
        ("import FoundationNetworking", "FoundationNetworking", true),
        ("import Subprocess", "Subprocess", true),
        ("  import CCurl", "CCurl", true),
        ("import CSerialPort", "CSerialPort", true),
        ("import CLDAP", "CLDAP", true),
        ("import Foundation", "Foundation", false),
        ("import Logging", "Logging", false),
        ("internal import Foundation", "Foundation", false),
    ])
    func theCheckerRecognisesImports(_ line: String, _ module: String, _ forbidden: Bool) {
        #expect(importedModule(in: line) == module)
        #expect(isForbidden(module) == forbidden)
    }

    @Test(arguments: ["// import NIOCore", "let important = 1", "/// import GRDB in the shell", "\"import NIO\"", ""])
    func otherLinesAreNotImports(_ line: String) {
        #expect(importedModule(in: line) == nil)
    }
}
