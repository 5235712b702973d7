//! The messages the islands show, named: [`Say`] has one variant per
//! message, and [`Section`] groups them by the islands that need them, so a
//! page's props carry only its own. The browser knows a message by its
//! place in this list (no ids travel in its bundle); the server knows its
//! Fluent id too.

/// Declares `Say` and `Section` from one list of sections of
/// `Variant = "fluent-id"` lines.
macro_rules! messages {
    ($($section:ident { $($variant:ident = $id:literal,)* })*) => {
        /// A message an island shows; see the catalogues for its text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Say { $($($variant,)*)* }

        /// The islands' messages in groups, each sent to the browser whole.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Section { $($section,)* }

        impl Section {
            /// Every section, in order.
            pub const ALL: &[Section] = &[$(Section::$section,)*];

            /// The messages of this section.
            pub fn messages(self) -> &'static [Say] {
                match self { $(Section::$section => &[$(Say::$variant,)*],)* }
            }
        }

        #[cfg(feature = "ssr")]
        impl Say {
            /// The message's id in the catalogues.
            pub fn id(self) -> &'static str {
                match self { $($(Say::$variant => $id,)*)* }
            }
        }
    };
}

messages! {
    // What every live page says of the board: the board page's header and
    // the presenter's.
    Live {
        Respondents = "respondents",
        RespondentsInRound = "respondents-in-round",
        RoundNumber = "round-number",
        LiveWatching = "live-watching",
        LiveOn = "live-on",
        LiveConnecting = "live-connecting",
        LiveReconnecting = "live-reconnecting",
        LiveOffline = "live-offline",
        HiddenUntilSubmit = "hidden-until-submit",
        HiddenUntilReveal = "hidden-until-reveal",
        Percent = "percent",
    }
    // The board page's form.
    Board {
        TableLabel = "form-table-label",
        TableCaption = "form-table-caption",
        CompetencyHeading = "form-competency",
        StandingHeading = "form-standing",
        NoAnswersYet = "cell-no-answers",
        CellFigures = "cell-figures",
        StandingBelow = "row-standing-below",
        StandingAt = "row-standing-at",
        StandingAbove = "row-standing-above",
        IntroClosed = "intro-closed",
        IntroHidden = "intro-hidden",
        IntroOpen = "intro-open",
        LegendLabel = "legend-label",
        LegendCaption = "legend-caption",
        GroupChoice = "choice-group",
        NoGroup = "choice-no-group",
        RoleChoice = "choice-role",
        NoRole = "choice-no-role",
        NothingCounted = "form-nothing-counted",
        Progress = "form-progress",
        Submit = "form-submit",
        Update = "form-update",
        SubmittedOn = "form-submitted-on",
        YourTime = "form-your-time",
        DateTime = "date-time",
        DateTimeUtc = "date-time-utc",
        CarriedOver = "form-carried-over",
        RowMissing = "form-row-missing",
        CompareLink = "link-compare",
        TrendsLink = "link-trends",
        GapsLink = "link-gaps",
        ClosedNotice = "notice-closed",
        RoleGapAt = "role-gap-at",
        RoleGapBelow = "role-gap-below",
        RoleGapAbove = "role-gap-above",
        ChosenMark = "cell-chosen",
        ExpectedMark = "cell-expected",
    }
    // The presenter.
    Present {
        PresentClosed = "present-closed",
        PresentHidden = "present-hidden",
        PresentGapsLink = "present-gaps",
        OfInvited = "present-of-invited",
        JoinLabel = "present-join-label",
        QrAlt = "present-qr-alt",
        ScanOrGo = "present-scan",
        EnterCode = "present-enter-code",
        FullScreen = "present-full-screen",
        Controls = "present-controls",
        HideControls = "present-hide-controls",
        LevelsLabel = "present-levels",
        RowHidden = "present-row-hidden",
        RowNobody = "present-row-nobody",
        RowFigures = "present-row-figures",
        RowPart = "present-row-part",
        PresentNobody = "present-nobody",
        PresentWithheld = "present-withheld",
    }
    // The visitor's own history on the board page (fetched with its code).
    History {
        HistorySummary = "history-summary",
        HistoryWithdrawRound = "history-withdraw-round",
        HistoryWithdrawAll = "history-withdraw-all",
        HistoryAskRound = "history-ask-round",
        HistoryAskAll = "history-ask-all",
        HistoryNotAnswered = "history-not-answered",
        HistoryLine = "history-line",
        HistoryStep = "history-step",
        HistoryAbove = "history-above",
        HistoryAt = "history-at",
        HistoryBelow = "history-below",
        HistoryRole = "history-role",
        HistoryClosed = "history-closed",
        HistoryNarrowed = "history-narrowed",
        HistoryWidened = "history-widened",
    }
    // The comparison of two rounds or groups.
    Compare {
        CompareHeading = "compare-heading",
        CompareBack = "compare-back",
        CompareA = "compare-a",
        CompareWith = "compare-with",
        CompareMovedFirst = "compare-moved-first",
        CompareShow = "compare-show",
        CompareWithheld = "compare-withheld",
        CompareTableLabel = "compare-table-label",
        CompareCaption = "compare-caption",
        CompareCompetency = "compare-competency",
        CompareMedian = "compare-median",
        CompareNoChange = "compare-no-change",
        CompareUp = "compare-up",
        CompareDown = "compare-down",
        CompareWithheldCell = "compare-withheld-cell",
        CompareShare = "compare-share",
    }
    // Trends over the rounds.
    Trends {
        TrendsHeading = "trends-heading",
        TrendsHeadingGroup = "trends-heading-group",
        TrendsBack = "trends-back",
        TrendsFiguresOf = "trends-figures-of",
        TrendsWholeBoard = "trends-whole-board",
        TrendsShow = "trends-show",
        TrendsGroupHint = "trends-group-hint",
        TrendsPeople = "trends-people",
        TrendsPeopleGroup = "trends-people-group",
        TrendsPeopleLabel = "trends-people-label",
        TrendsPeopleLabelGroup = "trends-people-label-group",
        TrendsMedians = "trends-medians",
        TrendsMedianLabel = "trends-median-label",
        TrendsRoundSaid = "trends-round-said",
        TrendsNoAnswers = "trends-no-answers",
        TrendsWithheld = "trends-withheld",
        TrendsAsTable = "trends-as-table",
        TrendsCaption = "trends-caption",
        TrendsRow = "trends-row",
        TrendsPeopleRow = "trends-people-row",
    }
    // Where each role stands against what it expects.
    Gaps {
        GapsHeading = "gaps-heading",
        GapsWhoseGroup = "gaps-whose-group",
        GapsBack = "gaps-back",
        GapsWithheld = "gaps-withheld",
        GapsRole = "gaps-role",
        GapsGroup = "gaps-group",
        GapsEveryone = "gaps-everyone",
        GapsRound = "gaps-round",
        GapsShow = "gaps-show",
        GapsAnswered = "gaps-answered",
        GapsTableLabel = "gaps-table-label",
        GapsRowHeading = "gaps-row-heading",
        GapsAgainst = "gaps-against",
        GapsInRound = "gaps-in-round",
        GapsExpected = "gaps-expected",
        GapsFigures = "gaps-figures",
        GapsWithheldCell = "gaps-withheld-cell",
        GapsNoAnswers = "gaps-no-answers",
        GapsSinceClosed = "gaps-since-closed",
        GapsSinceSame = "gaps-since-same",
        GapsSinceWidened = "gaps-since-widened",
    }
    // A page that cannot be shown, as an island may redraw it: its heading,
    // the reason for the refusals people meet, and the way back.
    Refusal {
        RefusedNoBoard = "refused-no-board",
        RefusedHidden = "refused-hidden",
        RefusedMembers = "refused-members",
        RefusedInvited = "refused-invited",
        RefusedInvitation = "refused-invitation",
        RefusedOther = "refused-other",
        RefusedGoHome = "refused-go-home",
        RefusedBack = "refused-back",
        RefusedUnknownBoard = "refused-unknown-board",
        RefusedUnknownInvitation = "refused-unknown-invitation",
        RefusedRevokedInvitation = "refused-revoked-invitation",
        MembersOnly = "access-members-only",
    }
    // The matrix editor (its islands load on their own, so these travel
    // only to the editor's pages).
    Editor {
        EditorEditHeading = "editor-edit-heading",
        EditorGalleryHeading = "editor-gallery-heading",
        EditorNeedsJs = "editor-needs-js",
        EditorDraftBack = "editor-draft-back",
        EditorDiscard = "editor-discard",
        EditorLocked = "editor-locked",
        EditorStartedFrom = "editor-started-from",
        EditorNoProblems = "editor-no-problems",
        EditorToFix = "editor-to-fix",
        EditorNotSaved = "editor-not-saved",
        EditorImport = "editor-import",
        EditorImported = "editor-imported",
        EditorDownload = "editor-download",
        EditorDownloaded = "editor-downloaded",
        EditorCreateHeading = "editor-create-heading",
        EditorBoardTitle = "editor-board-title",
        EditorBoardTitleExample = "editor-board-title-example",
        EditorAddress = "editor-address",
        EditorAddressExample = "editor-address-example",
        EditorAddressHint = "editor-address-hint",
        EditorCreate = "editor-create",
        EditorCreated = "editor-created",
        EditorSave = "editor-save",
        EditorSaved = "editor-saved",
        EditorAdminLinkNeeded = "editor-admin-link-needed",
        EditorBack = "editor-back",
        EditorAbout = "editor-about",
        EditorTitle = "editor-title",
        EditorDescription = "editor-description",
        EditorAllowPartial = "editor-allow-partial",
        EditorLevelsHeading = "editor-levels-heading",
        EditorLevelLabel = "editor-level-label",
        EditorLevelShort = "editor-level-short",
        EditorLevelName = "editor-level-name",
        EditorAddLevel = "editor-add-level",
        EditorCategoriesHeading = "editor-categories-heading",
        EditorCategory = "editor-category",
        EditorCategoryTitle = "editor-category-title",
        EditorCategoryName = "editor-category-name",
        EditorAddCategory = "editor-add-category",
        EditorRow = "editor-row",
        EditorRowTitle = "editor-row-title",
        EditorRowName = "editor-row-name",
        EditorAtLevel = "editor-at-level",
        EditorAddRow = "editor-add-row",
        EditorRolesHeading = "editor-roles-heading",
        EditorRolesHint = "editor-roles-hint",
        EditorRole = "editor-role",
        EditorRoleTitle = "editor-role-title",
        EditorRoleName = "editor-role-name",
        EditorAddRole = "editor-add-role",
        EditorSaveFirst = "editor-save-first",
        EditorExpectedIn = "editor-expected-in",
        EditorNotExpected = "editor-not-expected",
        EditorMoveUp = "editor-move-up",
        EditorMoveDown = "editor-move-down",
        EditorRemove = "editor-remove",
        EditorRemoveNamed = "editor-remove-named",
        EditorRemoveAsk = "editor-remove-ask",
        EditorTranslationsHeading = "editor-translations-heading",
        EditorTranslationsHint = "editor-translations-hint",
        EditorWrittenIn = "editor-written-in",
        EditorTranslateInto = "editor-translate-into",
        EditorTranslateNone = "editor-translate-none",
        EditorTranslationsSaveFirst = "editor-translations-save-first",
        EditorTranslationsLeft = "editor-translations-left",
        EditorNotTranslated = "editor-not-translated",
        EditorTranslatedRow = "editor-translated-row",
        EditorLanguageName = "matrix-language",
    }
    // The admin's controls (fetched with their code).
    Admin {
        AdminLabel = "admin-label",
        AdminHeading = "admin-heading",
        AdminPages = "admin-pages",
        AdminPresent = "admin-present",
        AdminCompare = "admin-compare",
        AdminTrends = "admin-trends",
        AdminEdit = "admin-edit",
        AdminReopen = "admin-reopen",
        AdminClose = "admin-close",
        AdminDownload = "admin-download",
        ShareBoard = "share-board",
        ShareCopyBoard = "share-copy-board",
        ShareKeepAdmin = "share-keep-admin",
        ShareCopyAdmin = "share-copy-admin",
        Copied = "copied",
        CopyRefused = "copy-refused",
        RevealShow = "reveal-show",
        RevealLive = "reveal-live",
        RevealAfterSubmit = "reveal-after-submit",
        RevealFacilitator = "reveal-facilitator",
        RevealHide = "reveal-hide",
        RevealReveal = "reveal-reveal",
        GroupsLegend = "groups-legend",
        GroupsHint = "groups-hint",
        GroupsNames = "groups-names",
        GroupsThreshold = "groups-threshold",
        GroupsThresholdProblem = "groups-threshold-problem",
        GroupsSave = "groups-save",
        GroupsSaved = "groups-saved",
        RoundNextLabel = "round-next-label",
        RoundNextExample = "round-next-example",
        RoundStart = "round-start",
        RoundConfirmLabel = "round-confirm-label",
        RoundFrozen = "round-frozen",
        RoundShownAfterSubmit = "round-shown-after-submit",
        RoundHiddenUntilReveal = "round-hidden-until-reveal",
        RoundYes = "round-yes",
        Cancel = "cancel",
        RoundOpen = "round-open",
        OwnersLegend = "owners-legend",
        OwnersHint = "owners-hint",
        OwnersAddLabel = "owners-add-label",
        OwnersAdd = "owners-add",
        OwnersStarter = "owners-starter",
        OwnersSignedIn = "owners-signed-in",
        OwnersNotSignedIn = "owners-not-signed-in",
        Remove = "remove",
        RemoveWho = "remove-who",
        AccessLabel = "access-label",
        AccessAnyone = "access-anyone",
        AccessInvited = "access-invited",
        AccessMembers = "access-members",
        AccessDomains = "access-domains",
        AccessDomainsExample = "access-domains-example",
        AccessSaveDomains = "access-save-domains",
        AccessNoSignIn = "access-no-sign-in",
        PeopleParticipation = "people-participation",
        PeopleBatches = "people-batches",
        PeopleInviteLabel = "people-invite-label",
        PeopleInviteExample = "people-invite-example",
        PeopleCsv = "people-csv",
        PeopleCreate = "people-create",
        PeopleCopyLink = "people-copy-link",
        PeopleLinkLabel = "people-link-label",
        PeopleNewLinks = "people-new-links",
        PeopleCopyNow = "people-copy-now",
        PeopleDownload = "people-download",
        PeopleTableLabel = "people-table-label",
        PeopleCaption = "people-caption",
        PeopleName = "people-name",
        PeopleEmail = "people-email",
        PeopleGroup = "people-group",
        PeopleRole = "people-role",
        PeopleAnswered = "people-answered",
        PeopleLink = "people-link",
        PeopleWithdrawn = "people-withdrawn",
        PeopleYes = "people-yes",
        PeopleNotYet = "people-not-yet",
        PeopleReissue = "people-reissue",
        PeopleAskReissue = "people-ask-reissue",
        PeopleRevoke = "people-revoke",
        PeopleAskDelete = "people-ask-delete",
        AdminErrorForbidden = "admin-error-forbidden",
        AdminErrorNoBoard = "admin-error-no-board",
        AdminErrorNoGroup = "admin-error-no-group",
        AdminErrorClosed = "admin-error-closed",
        AdminErrorTooLarge = "admin-error-too-large",
        AdminErrorBusy = "admin-error-busy",
        AdminErrorFailed = "admin-error-failed",
    }
}

impl Say {
    /// Its place among all messages, which is how the browser finds it.
    pub fn index(self) -> usize {
        self as usize
    }
}
