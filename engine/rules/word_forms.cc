#include "engine/rules/word_forms.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace refrain {
namespace {

// A word and its irregular forms, separated by single spaces.
struct Irregular {
  const char* word;
  const char* forms;
};

// Irregular plurals. An entry also applies to a word that ends in it, so
// that the compounds inflect like their head: "chairman" -> "chairmen" (and
// "woman" -> "women"), "grandchild" -> "grandchildren", "housewife" ->
// "housewives", "hypothesis" -> "hypotheses", "shelf" -> "shelves". That
// also gives "human" -> "humen", which is not English and so costs nothing;
// entries whose compounds would be other English words are left out ("ox":
// "box" -> "boxen"; "louse": "blouse" -> "blice"). The regular plural is
// generated as well ("persons", "mediums", "indexes"). A final -f or -fe
// becomes -ves only here: "roof" -> "roofs", "chief" -> "chiefs".
constexpr Irregular kIrregularPlurals[] = {
    {"man", "men"},
    {"child", "children"},
    {"person", "people"},
    {"foot", "feet"},
    {"tooth", "teeth"},
    {"goose", "geese"},
    {"mouse", "mice"},
    {"penny", "pence"},
    {"analysis", "analyses"},
    {"basis", "bases"},
    {"crisis", "crises"},
    {"thesis", "theses"},
    {"diagnosis", "diagnoses"},
    {"emphasis", "emphases"},
    {"axis", "axes"},
    {"criterion", "criteria"},
    {"phenomenon", "phenomena"},
    {"medium", "media"},
    {"datum", "data"},
    {"bacterium", "bacteria"},
    {"curriculum", "curricula"},
    {"memorandum", "memoranda"},
    {"millennium", "millennia"},
    {"referendum", "referenda"},
    {"stratum", "strata"},
    {"index", "indices"},
    {"appendix", "appendices"},
    {"matrix", "matrices"},
    {"vertex", "vertices"},
    {"nucleus", "nuclei"},
    {"stimulus", "stimuli"},
    {"fungus", "fungi"},
    {"cactus", "cacti"},
    {"radius", "radii"},
    {"alumnus", "alumni"},
    {"formula", "formulae"},
    {"antenna", "antennae"},
    {"life", "lives"},
    {"wife", "wives"},
    {"knife", "knives"},
    {"half", "halves"},
    {"leaf", "leaves"},
    {"loaf", "loaves"},
    {"calf", "calves"},
    {"elf", "elves"},
    {"self", "selves"},
    {"shelf", "shelves"},
    {"sheaf", "sheaves"},
    {"thief", "thieves"},
    {"wolf", "wolves"},
    {"scarf", "scarves"},
    {"wharf", "wharves"},
    {"dwarf", "dwarves"},
    {"hoof", "hooves"},
};

// Irregular verbs: every past and past participle in use, including the
// regular ones where they are English too ("sow": "sowed sown"), because a
// verb listed here gets no regular -ed ("see" would give "seed"). Also the
// irregular present forms ("be": "am is are", "have": "has"); the regular
// -s and -ing are added by the rules. Matched as whole words: a prefixed
// verb has an entry of its own ("understand", "overtake"), because suffix
// matching would inflect "threat" like "eat" and give "threaten".
constexpr Irregular kIrregularVerbs[] = {
    {"abide", "abode abided"},
    {"arise", "arose arisen"},
    {"awake", "awoke awoken"},
    {"be", "am is are was were been being"},
    {"bear", "bore borne born"},
    {"beat", "beaten"},
    {"become", "became"},
    {"befall", "befell befallen"},
    {"begin", "began begun"},
    {"behold", "beheld"},
    {"bend", "bent"},
    {"bet", "bet"},
    {"bid", "bade bidden"},
    {"bind", "bound"},
    {"bite", "bit bitten"},
    {"bleed", "bled"},
    {"blow", "blew blown"},
    {"break", "broke broken"},
    {"breed", "bred"},
    {"bring", "brought"},
    {"broadcast", "broadcasted"},
    {"build", "built"},
    {"burn", "burned burnt"},
    {"burst", "burst"},
    {"buy", "bought"},
    {"cast", "cast"},
    {"catch", "caught"},
    {"choose", "chose chosen"},
    {"cling", "clung"},
    {"come", "came"},
    {"cost", "cost"},
    {"creep", "crept"},
    {"cut", "cut"},
    {"deal", "dealt"},
    {"dig", "dug"},
    {"dive", "dived dove"},
    {"do", "does did done"},
    {"draw", "drew drawn"},
    {"dream", "dreamed dreamt"},
    {"drink", "drank drunk"},
    {"drive", "drove driven"},
    {"dwell", "dwelt dwelled"},
    {"eat", "ate eaten"},
    {"fall", "fell fallen"},
    {"feed", "fed"},
    {"feel", "felt"},
    {"fight", "fought"},
    {"find", "found"},
    {"fit", "fitted"},
    {"flee", "fled"},
    {"fling", "flung"},
    {"fly", "flew flown"},
    {"forbid", "forbade forbidden"},
    {"forecast", "forecasted"},
    {"foresee", "foresaw foreseen"},
    {"foretell", "foretold"},
    {"forget", "forgot forgotten"},
    {"forgive", "forgave forgiven"},
    {"forgo", "forgoes forwent forgone"},
    {"forsake", "forsook forsaken"},
    {"freeze", "froze frozen"},
    {"get", "got gotten"},
    {"give", "gave given"},
    {"go", "goes went gone"},
    {"grind", "ground"},
    {"grow", "grew grown"},
    {"hang", "hung hanged"},
    {"have", "has had"},
    {"hear", "heard"},
    {"hide", "hid hidden"},
    {"hit", "hit"},
    {"hold", "held"},
    {"hurt", "hurt"},
    {"keep", "kept"},
    {"kneel", "knelt kneeled"},
    {"knit", "knitted"},
    {"know", "knew known"},
    {"lay", "laid"},
    {"lead", "led"},
    {"lean", "leaned leant"},
    {"leap", "leaped leapt"},
    {"learn", "learned learnt"},
    {"leave", "left"},
    {"lend", "lent"},
    {"let", "let"},
    {"lie", "lay lain lied"},
    {"light", "lit lighted"},
    {"lose", "lost"},
    {"make", "made"},
    {"mean", "meant"},
    {"meet", "met"},
    {"mislead", "misled"},
    {"mistake", "mistook mistaken"},
    {"misunderstand", "misunderstood"},
    {"mow", "mowed mown"},
    {"offset", "offset"},
    {"outdo", "outdoes outdid outdone"},
    {"outgrow", "outgrew outgrown"},
    {"outrun", "outran"},
    {"outsell", "outsold"},
    {"outshine", "outshone"},
    {"overcome", "overcame"},
    {"overdo", "overdoes overdid overdone"},
    {"overhear", "overheard"},
    {"override", "overrode overridden"},
    {"overrun", "overran"},
    {"oversee", "oversaw overseen"},
    {"overshoot", "overshot"},
    {"overspend", "overspent"},
    {"overtake", "overtook overtaken"},
    {"overthrow", "overthrew overthrown"},
    {"partake", "partook partaken"},
    {"pay", "paid"},
    {"plead", "pleaded pled"},
    {"prove", "proved proven"},
    {"put", "put"},
    {"quit", "quit quitted"},
    {"read", "read"},
    {"rebuild", "rebuilt"},
    {"redo", "redoes redid redone"},
    {"remake", "remade"},
    {"repay", "repaid"},
    {"rerun", "reran"},
    {"resell", "resold"},
    {"reset", "reset"},
    {"rethink", "rethought"},
    {"rewrite", "rewrote rewritten"},
    {"rid", "rid"},
    {"ride", "rode ridden"},
    {"ring", "rang rung"},
    {"rise", "rose risen"},
    {"run", "ran"},
    {"say", "said"},
    {"see", "saw seen"},
    {"seek", "sought"},
    {"sell", "sold"},
    {"send", "sent"},
    {"set", "set"},
    {"sew", "sewed sewn"},
    {"shake", "shook shaken"},
    {"shear", "sheared shorn"},
    {"shed", "shed"},
    {"shine", "shone shined"},
    {"shoot", "shot"},
    {"show", "showed shown"},
    {"shrink", "shrank shrunk"},
    {"shut", "shut"},
    {"sing", "sang sung"},
    {"sink", "sank sunk"},
    {"sit", "sat"},
    {"slay", "slew slain"},
    {"sleep", "slept"},
    {"slide", "slid"},
    {"sling", "slung"},
    {"slit", "slit"},
    {"smell", "smelled smelt"},
    {"sneak", "sneaked snuck"},
    {"sow", "sowed sown"},
    {"speak", "spoke spoken"},
    {"speed", "sped speeded"},
    {"spell", "spelled spelt"},
    {"spend", "spent"},
    {"spill", "spilled spilt"},
    {"spin", "spun"},
    {"spit", "spat spit"},
    {"split", "split"},
    {"spoil", "spoiled spoilt"},
    {"spread", "spread"},
    {"spring", "sprang sprung"},
    {"stand", "stood"},
    {"steal", "stole stolen"},
    {"stick", "stuck"},
    {"sting", "stung"},
    {"stink", "stank stunk"},
    {"stride", "strode stridden"},
    {"strike", "struck stricken"},
    {"string", "strung"},
    {"strive", "strove striven strived"},
    {"swear", "swore sworn"},
    {"sweep", "swept"},
    {"swell", "swelled swollen"},
    {"swim", "swam swum"},
    {"swing", "swung"},
    {"take", "took taken"},
    {"teach", "taught"},
    {"tear", "tore torn"},
    {"tell", "told"},
    {"think", "thought"},
    {"thrive", "thrived throve thriven"},
    {"throw", "threw thrown"},
    {"thrust", "thrust"},
    {"tread", "trod trodden"},
    {"undercut", "undercut"},
    {"undergo", "undergoes underwent undergone"},
    {"underpay", "underpaid"},
    {"undersell", "undersold"},
    {"understand", "understood"},
    {"undertake", "undertook undertaken"},
    {"undo", "undoes undid undone"},
    {"uphold", "upheld"},
    {"upset", "upset"},
    {"wake", "woke woken waked"},
    {"wear", "wore worn"},
    {"weave", "wove woven"},
    {"wed", "wed wedded"},
    {"weep", "wept"},
    {"win", "won"},
    {"wind", "wound"},
    {"withdraw", "withdrew withdrawn"},
    {"withhold", "withheld"},
    {"withstand", "withstood"},
    {"wring", "wrung"},
    {"write", "wrote written"},
};

bool IsVowel(char c) { return absl::StrContains("aeiou", c); }

// Whether `w[i]` is a consonant, counting the `u` of `qu` as one ("quit",
// "equip").
bool IsConsonantAt(absl::string_view w, size_t i) {
  return !IsVowel(w[i]) || (w[i] == 'u' && i > 0 && w[i - 1] == 'q');
}

bool EndsWithConsonantY(absl::string_view w) {
  return w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2]);
}

// Whether `w` ends consonant-vowel-consonant (or, for two letters,
// vowel-consonant), the final consonant not w, x or y: the words whose final
// consonant may double before -ed, -ing and -er ("stop", "admit", "up").
bool MayDoubleFinalConsonant(absl::string_view w) {
  const size_t n = w.size();
  if (n < 2) return false;
  const char last = w[n - 1];
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y') {
    return false;
  }
  if (!IsConsonantAt(w, n - 2)) {
    // A vowel, which needs a consonant (or nothing) before it.
    return n == 2 || IsConsonantAt(w, n - 3);
  }
  return false;
}

// The stems that a suffix starting with a vowel is added to: `w`, and when
// the final consonant may double, `w` with it doubled ("stop" -> "stopp";
// a final c becomes ck: "traffic" -> "traffick"). Doubling depends on stress
// ("admitted" but "visited"), which spelling does not show, so both stems
// are used: the one that is not English never occurs in text.
std::vector<std::string> VowelSuffixStems(absl::string_view w) {
  std::vector<std::string> stems = {std::string(w)};
  if (MayDoubleFinalConsonant(w)) {
    stems.push_back(absl::StrCat(w, w.back() == 'c' ? "k" : w.substr(w.size() - 1)));
  }
  return stems;
}

// Appends `form` to `forms` unless it is there already. Linear, but `forms`
// holds a dozen or so short strings.
void Add(std::string form, std::vector<std::string>* forms) {
  if (std::find(forms->begin(), forms->end(), form) == forms->end()) {
    forms->push_back(std::move(form));
  }
}

// Appends the space-separated `list`.
void AddAll(absl::string_view prefix, absl::string_view list,
            std::vector<std::string>* forms) {
  for (absl::string_view form : absl::StrSplit(list, ' ')) {
    Add(absl::StrCat(prefix, form), forms);
  }
}

// -s, -es, -ies, then the irregular plurals.
void AddPlurals(absl::string_view w, std::vector<std::string>* forms) {
  const absl::string_view stem = w.substr(0, w.size() - 1);
  if (absl::EndsWith(w, "s") || absl::EndsWith(w, "x") ||
      absl::EndsWith(w, "z") || absl::EndsWith(w, "ch") ||
      absl::EndsWith(w, "sh")) {
    Add(absl::StrCat(w, "es"), forms);
  } else if (EndsWithConsonantY(w)) {
    Add(absl::StrCat(stem, "ies"), forms);
  } else if (w.size() >= 2 && w.back() == 'o' && !IsVowel(w[w.size() - 2])) {
    // "photos" but "potatoes", "goes"; "zeros" and "zeroes".
    Add(absl::StrCat(w, "s"), forms);
    Add(absl::StrCat(w, "es"), forms);
  } else {
    Add(absl::StrCat(w, "s"), forms);
  }
  for (const Irregular& entry : kIrregularPlurals) {
    if (absl::EndsWith(w, entry.word)) {
      AddAll(w.substr(0, w.size() - strlen(entry.word)), entry.forms, forms);
    }
  }
}

// The past and past participle: -d after e, -ied after a consonant and y,
// otherwise -ed on each stem.
void AddRegularPast(absl::string_view w, std::vector<std::string>* forms) {
  if (w.back() == 'e') {
    Add(absl::StrCat(w, "d"), forms);
  } else if (EndsWithConsonantY(w)) {
    Add(absl::StrCat(w.substr(0, w.size() - 1), "ied"), forms);
  } else {
    for (const std::string& stem : VowelSuffixStems(w)) {
      Add(absl::StrCat(stem, "ed"), forms);
    }
  }
}

// -ing: ie -> ying; a final e is dropped except in ee, ye, oe and "be";
// otherwise -ing on each stem.
void AddPresentParticiple(absl::string_view w, std::vector<std::string>* forms) {
  if (absl::EndsWith(w, "ie")) {
    Add(absl::StrCat(w.substr(0, w.size() - 2), "ying"), forms);
  } else if (w.back() == 'e' && w.size() > 2 && !absl::EndsWith(w, "ee") &&
             !absl::EndsWith(w, "ye") && !absl::EndsWith(w, "oe")) {
    Add(absl::StrCat(w.substr(0, w.size() - 1), "ing"), forms);
  } else {
    for (const std::string& stem : VowelSuffixStems(w)) {
      Add(absl::StrCat(stem, "ing"), forms);
    }
  }
}

// -er and -ers: just r after e, ier after a consonant and y, otherwise -er
// on each stem.
void AddAgentNouns(absl::string_view w, std::vector<std::string>* forms) {
  std::vector<std::string> stems;
  if (w.back() == 'e') {
    stems = {std::string(w.substr(0, w.size() - 1))};
  } else if (EndsWithConsonantY(w)) {
    stems = {absl::StrCat(w.substr(0, w.size() - 1), "i")};
  } else {
    stems = VowelSuffixStems(w);
  }
  for (const std::string& stem : stems) {
    Add(absl::StrCat(stem, "er"), forms);
    Add(absl::StrCat(stem, "ers"), forms);
  }
}

}  // namespace

bool IsWordFormsWord(absl::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return c >= 'a' && c <= 'z';
  });
}

std::vector<std::string> WordForms(absl::string_view word) {
  std::vector<std::string> forms;
  if (!IsWordFormsWord(word)) return forms;
  forms.emplace_back(word);
  AddPlurals(word, &forms);
  const Irregular* verb = nullptr;
  for (const Irregular& entry : kIrregularVerbs) {
    if (word == entry.word) verb = &entry;
  }
  if (verb != nullptr) {
    AddAll("", verb->forms, &forms);
  } else {
    AddRegularPast(word, &forms);
  }
  AddPresentParticiple(word, &forms);
  AddAgentNouns(word, &forms);
  return forms;
}

}  // namespace refrain
