import Foundation
@testable import PlanDomain

/// The places an office of 随州市 may give figures for, with two divisions
/// of the same name to make a name ambiguous.
let importPlaces = [
    JurisdictionNode(code: "421300", name: "随州市"),
    JurisdictionNode(code: "421303", name: "曾都区", parent: "421300"),
    JurisdictionNode(code: "421321", name: "随县", parent: "421300"),
    JurisdictionNode(code: "421381", name: "广水市", parent: "421300"),
    JurisdictionNode(code: "421371", name: "高新区", parent: "421300"),
    JurisdictionNode(code: "421372", name: "高新区", parent: "421300"),
]

/// A sheet written with SimpleWorkbook: no header of its own, so `rows` are the
/// sheet from row 1 (titles, the header and the figures as the test lays them out).
func actualsSheet(_ rows: [[SheetCell]], name: String = "Sheet1") throws -> Data {
    try SimpleWorkbook.xlsx([SheetTable(name: name, header: [], rows: rows)])
}

func readActuals(_ data: Data) throws -> ActualsImport {
    try ActualsWorkbook.read(data, places: importPlaces, indicators: IndicatorDefaults.all)
}

/// Text cells, with "" as an empty cell.
func texts(_ values: String...) -> [SheetCell] {
    values.map { $0.isEmpty ? .empty : .text($0) }
}
