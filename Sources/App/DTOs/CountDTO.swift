import Vapor

/// `POST /api/places/:placeCode/values`: how many values were saved.
struct SavedCount: Content {
    var saved: Int
}

/// `POST /api/places/:placeCode/values/import`: how many values the sheet added.
struct ImportedCount: Content {
    var imported: Int
}
