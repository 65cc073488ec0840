@testable import NewsIndex
import Testing

/// Class and id names are read for what they say about a box, word by word.
@Suite struct HTMLClassVocabularyTests {
    private func vocabulary(_ value: String) -> HTMLClassVocabulary {
        var value = value
        return value.withUTF8 { HTMLClassVocabulary($0) }
    }

    @Test(arguments: [
        "sharedaddy sd-sharing-enabled", "jp-relatedposts", "ArticleComments", "comments-area", "newsletter-signup",
        "cookie-consent-banner", "most-read", "site-footer", "breadcrumbs", "ad", "ad-slot", "td-post-sharing-top",
        "social-links", "outbrain-widget", "tag-list", "main-navigation", "nav",
    ])
    func furnitureNamesAreFurniture(_ value: String) {
        #expect(vocabulary(value).contains(.furniture))
    }

    @Test(arguments: [
        "article-body", "articleBody", "story__body", "entry-content", "post-content", "c-entry-content", "article-text",
    ])
    func storyBodyNamesAreTheStory(_ value: String) {
        let v = vocabulary(value)
        #expect(v.contains(.storyBody))
        #expect(!v.contains(.furniture))
    }

    @Test(arguments: [
        "commentary", "subheader", "shareholder-letter", "headline", "loading", "adapt", "header-less-ad", "padding",
    ])
    func wordsContainingFurnitureStemsAreNotFurniture(_ value: String) {
        if value == "header-less-ad" {
            // `ad` as a word of its own still is.
            #expect(vocabulary(value).contains(.furniture))
        } else {
            #expect(!vocabulary(value).contains(.furniture))
        }
    }

    @Test func aContentTokenMakesOtherTokensLayoutModifiers() {
        #expect(!vocabulary("main-content sidebar-right").contains(.furniture))
        #expect(vocabulary("sidebar-content").contains(.furniture))
        #expect(vocabulary("related-content").contains(.furniture))
    }

    @Test(arguments: ["has-sidebar", "no-comments", "with-share-bar"])
    func modifierPrefixesDescribeTheBoxNotItsContent(_ value: String) {
        #expect(vocabulary(value).isEmpty)
    }

    @Test(arguments: [("contentWithSidebar", HTMLClassVocabulary.content), ("post-has-comments", .content),
                      ("article_no_related", .content), ("share-with-friends", .furniture)])
    func aModifierInsideANameDescribesTheBoxNotItsContent(_ value: String, _ vocabulary: HTMLClassVocabulary) {
        #expect(self.vocabulary(value) == vocabulary, "\(value)")
    }

    @Test(arguments: ["sr-only", "visually-hidden", "screen-reader-text", "off-screen", "hidden", "is-hidden", "d-none"])
    func hidingClassesHide(_ value: String) {
        #expect(vocabulary(value).contains(.hidden))
    }

    @Test(arguments: ["hidden-xs", "field--label-hidden", "mobile-hide-menu"])
    func classesHidingPartOfABoxDoNotHideIt(_ value: String) {
        #expect(!vocabulary(value).contains(.hidden))
    }

    @Test(arguments: [("wp-caption-text", HTMLClassVocabulary.caption), ("photo-credit", .caption),
                      ("byline", .byline), ("entry-meta", .byline), ("widget_text", .weakFurniture)])
    func otherKindsAreNamed(_ value: String, _ kind: HTMLClassVocabulary) {
        #expect(vocabulary(value).contains(kind))
    }
}

extension HTMLClassVocabularyTests {
    @Test(arguments: ["commentlist", "comment-content", "commentContent", "post-comments"])
    func commentNamesMarkComments(_ name: String) {
        var name = name
        let vocabulary = name.withUTF8 { HTMLClassVocabulary($0) }
        #expect(vocabulary.contains(.comments) && vocabulary.contains(.furniture), "\(name)")
    }

    @Test func commentaryIsNotAComment() {
        var name = "commentary-body"
        #expect(!name.withUTF8 { HTMLClassVocabulary($0) }.contains(.comments))
    }
}
