/// A titled table printed with aligned columns; the first column is left-aligned, the others right-aligned.
struct Table {
    var title: String
    var columns: [String]
    var rows: [[String]] = []
    var notes: [String] = []

    init(_ title: String, columns: [String]) {
        self.title = title
        self.columns = columns
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    mutating func note(_ text: String) { notes.append(text) }

    func render() -> String {
        let all = [columns] + rows
        var widths = Array(repeating: 0, count: columns.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ row: [String]) -> String {
            var cells: [String] = []
            for index in widths.indices {
                let cell = index < row.count ? row[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                cells.append(index == 0 ? cell + padding : padding + cell)
            }
            return "  " + cells.joined(separator: "  ")
        }
        let rule = "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = ["", "== \(title) ==", line(columns), rule]
        lines += rows.map(line)
        lines += notes.map { "  * " + $0 }
        return lines.joined(separator: "\n")
    }

    func print() { Console.print(render()) }
}
