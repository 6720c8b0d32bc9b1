"""Word lists and patterns for alt-text judgement: data only.

Sources: WCAG 2.2 failure F30
(placeholders "image", "picture", "spacer", file names, "picture 1"); WAVE's
``alt_suspicious`` list; sa11y 5.0.9 French and English SUS_ALT/PLACEHOLDER
lists (``src/lang/fr.js``, ``en.js``) and its file-name heuristics; WP
Accessibility's invalid alts; GitHub's GH001 screenshot regex, extended to the
French macOS/GNOME/Windows defaults; HedgeDoc 1's upload placeholder
``![Uploading file...name]()``.

All entries are compared with alt text folded by
:func:`pad_lint.images.alt.normalise_alt` (lower case, no accents, ``'`` for any
apostrophe, single spaces, no surrounding punctuation).
"""

from __future__ import annotations

#: A whole alt equal to one of these says nothing about the image (WAVE, sa11y fr/en, F30, alt-text.md §4).
PLACEHOLDER_ALTS: frozenset[str] = frozenset({
    # French
    "image", "une image", "l'image", "cette image", "images", "photo", "une photo", "la photo", "photos",
    "photographie", "une photographie", "la photographie", "illustration", "une illustration", "l'illustration",
    "illustrations", "visuel", "un visuel", "le visuel", "dessin", "un dessin", "capture", "une capture",
    "capture d'ecran", "une capture d'ecran", "capture ecran", "copie d'ecran", "icone", "une icone", "schema",
    "un schema", "sans titre", "logo", "le logo", "graphique", "un graphique", "figure", "img", "alt",
    "texte alternatif", "texte alt", "decorative", "decoratif", "image decorative", "separateur",
    "support d'affichage", "support d'affichage d'image", "vignette", "miniature", "tableau", "diagramme",
    "a completer", "a remplir", "description", "legende", "titre",
    # English
    "an image", "the image", "picture", "a picture", "pic", "a photo", "the photo", "photograph", "graphic",
    "drawing", "painting", "artwork", "bullet", "button", "arrow", "more", "spacer", "blank", "chart",
    "table", "diagram", "graph", "placeholder", "placeholder image", "tbd", "todo", "to do", "thumbnail",
    "icon", "test", "untitled", "untitled image", "unnamed", "undefined", "null", "none", "screenshot",
    "screen shot", "a screenshot", "alt text", "alternative text", "featured image", "hero image",
    "hero slide", "copy", "portrait", "slide image", "image description", "caption", "title",
})

#: "image 1", "photo n°2", "figure 3", "picture #4" (F30: "picture 1").
NUMBERED_PLACEHOLDER = (r"^(?:image|img|photo|photographie|picture|pic|illustration|figure|fig|capture|screenshot"
                        r"|dessin|schema|visuel|slide|diapo|diapositive)s?\s*(?:n\s?°|no\.?|#|-|_)?\s*\d+$")

#: Image file extensions (sa11y's list plus bmp).
IMAGE_EXTENSION = r"\.(?:avif|png|jpe?g|jfif|webp|gif|tiff?|svg|heif|heic|bmp)\b"
#: Camera, phone and upload default names: IMG_1234, DSC01234, PXL_2024…, upload_5c1e0b…, WhatsApp Image 2024…
CAMERA_NAME = (r"^(?:img|dsc|dscn|dscf|dcim|pxl|mvimg|vid|pict?|wp|gopr|sam|upload|whatsapp image|signal)"
               r"[ _-]?\d[\d_ .:()-]*(?:(?:at|a)[\d_ .:()-]+)?$"
               r"|^upload_[0-9a-f]{6,}\w*$|^[0-9a-f]{16,}$")
#: A size such as 1920x1080 (sa11y).
PIXEL_SIZE = r"\b\d{2,5} ?x ?\d{2,5}\b"
#: Screenshot default names start with one of these; what follows is only a date,
#: a time, a number and a few small words (GH001 extended to FR: "Capture d’écran
#: 2025-03-03 à 18.42.07", "Capture d'écran du 2025-03-03 18-44-51", "Capture d'écran (3)").
SCREENSHOT_PREFIX = (r"^(?:capture d'ecran|capture ecran|copie d'ecran|screenshot|screen ?shot|screen ?cast"
                     r"|clean ?shot|bildschirmfoto|schermata|captura de pantalla)")
#: Small words allowed between a screenshot prefix and its date/time.
SCREENSHOT_FILLERS = r"\b(?:du|de|le|la|a|from|at|on|the|am|pm|et|y|um|alle|vom)\b"

#: HedgeDoc 1's in-progress upload placeholder (inline-attachment.js).
UPLOADING = r"^uploading file\s*\.\.\."

#: Credit cues inside an alt, matched case-insensitively on the alt as written: the RGAA
#: glossary (*légende d'image*) puts the copyright and the author in the caption.
#: A copyright sign or word anywhere makes the alt a credit.
COPYRIGHT_IN_ALT = r"©|\(c\)\s|\bcopyright\b"
#: The word "crédit(s)" (with "photo", "image"…): a credit when it starts the alt or a colon
#: follows it; elsewhere ("carte de crédit") only when names follow (group ``rest``).
CREDIT_WORD_IN_ALT = (r"(?:^|(?<=[\s(\[,;–—-]))(?:(?:photo|image|picture)\s+)?cr[ée]dits?"
                      r"(?:\s+(?:photos?|images?|illustrations?|visuels?))?\s*(?P<sep>[:：])?\s*(?P<rest>.*?)\s*$")
#: A label at the start of the alt ("Photo :", "Illustration par", "Dessins by", "par", "by"):
#: a credit only when names follow (group ``rest``); "Photo : un vélo" is a description.
CREDIT_LEAD_IN_ALT = (r"^(?:(?:illustrations?|photos?|photographies?|dessins?|images?|visuels?|croquis|drawings?"
                      r"|pictures?|photographs?|sketch(?:note)?s?)\s*(?:[:：]|(?:par|by)\b)|(?:par|by)(?=\s))"
                      r"\s*(?P<rest>.*?)\s*$")
#: Words that may sit next to a credited name in an alt and still make it a credit.
CREDIT_FILLER_WORDS = frozenset({
    "par", "by", "de", "of", "illustration", "illustrations", "dessin", "dessins", "photo", "photos",
    "photographie", "image", "credit", "credits", "copyright", "c", "facilitation", "graphique",
    "sketchnote", "croquis", "drawing", "picture", "auteur", "autrice", "author",
})

#: Cues that introduce the people credited for images in the pad text
#: ("Facilitation graphique : Mathis Garnier", "Illustrations : …", "Photo : D. Martin", "© …").
CREDIT_CUES = (r"facilitation graphique|facilitat(?:rice|eur|eurs|rices) graphiques?|illustrations?|illustrat(?:rice|eur)s?"
               r"|dessins?|croquis|sketch ?notes?|sketchnoting|photos?|photographies?|photographes?"
               r"|cr[ée]dits?(?: (?:photos?|images?|illustrations?|visuels?))?|photo credits?|image credits?"
               r"|graphic (?:recording|facilitation|facilitator)|visual (?:notes?|notetaking|facilitation)"
               r"|visuels?|images?|drawings?|pictures?")
#: Verbs that introduce a credited name without a colon ("illustré par", "photos by").
CREDIT_BY = (r"(?:illustr\w*|dessin\w*|photographi\w*|photos?|croqu\w*|sketch\w*|drawn|drawings?|pictures?|images?)"
             r"\s+(?:par|by)")
#: Words one of which every credit cue above contains (a cheap test before the cue patterns).
CREDIT_CUE_WORDS = r"illustr|dessin|croqu|sketch|photo|cr[ée]dit|graphi|visu|image|drawing|picture|drawn"
