"""Given names and surnames the gazetteer's sources lack, and how to spell Cyrillic ones in English.

Faker's name tables are rich for European locales, but its Arabic, Chinese, Russian and many
South Asian tables are written in their own scripts, which news in English never prints, and
several regions have no table at all. The lists here fill the gap with names common in English
language news from those regions, written the way agencies write them; `romanise` spells the
Cyrillic tables as English-language news does ("Анатолий" -> "Anatoly"), and `pinyin_word`
recognises a Chinese given name by its syllables ("Longde", "Xiaoming"), a set too open to list.

No word here is also a common English word ("Will", "Hope", "Long"): a capitalised word that
opens a sentence must not become a name by being listed.
"""

from __future__ import annotations

import re

from tui.nlp.cues import word_set

GIVEN_NAMES = word_set(
    """
    abdel abdelaziz abdelkader abdul abdulaziz abdullah abdulla abdullahi abdurrahman abu
    adnan ahmad ahmet aisha ayesha akbar akhtar alaa ali amina amir amr anwar arif asad asif
    ashraf ayman aziz bashar bilal fahad fahd faisal farah farid farooq faruk fatima fatma
    fawzi habib hadi hafez hamad hamid hamed hamza hanan hani haroon harun hasan hassan
    hisham hossein hosni hussain hussein ibrahim idris imran iqbal ismail jamal jamil javed
    javid kamal karim khaled khalid khalil mahmoud mahmud majid malik mansour marwan masood
    mehmet mohamed mohammad mohammed muhammad mohamad mohsen moussa mustafa mustapha nabil
    nadia naeem najib naseem nasir nasser nawaz nizar noor nour nouri nur omar osama rafiq
    rahim rashid rasheed riad riyad saad saddam saeed saif salah saleh salim salman
    sami samir shahid sharif tariq tarek usman walid waleed wasim waqar yasin yasser yassin
    youssef yusuf zaid zainab zayed ziad zia zulfikar huma sajid saqlain mushtaq shoaib
    shahbaz shehbaz asma benazir bilawal nawaz pervez parvez muammar moammar recep ekrem
    ruhollah farzana tahmina sayed syed
    aamir amjad arshad aslam azhar fawad ghulam inzamam ijaz junaid kashif mudassar nadeem
    naveed rizwan sarfraz shafiq shahzad tahir taufiq younis zaheer zahid
    abhishek aditya ajay akhilesh amit amitabh anand anil anita anjali anurag arjun arun
    arvind ashok atal deepak devendra dinesh gautam gopal harish hemant indira jairam jyoti
    kapil kavita kiran krishna kumar lakshmi lalu mahesh mamata manmohan manoj mayawati
    mukesh nandan narendra nitin nitish pankaj pranab prakash pratibha preeti rahul rajesh
    rajiv rajnath ramesh ratan ravi sachin sanjay sanjeev saurav shashi shiv shivraj smriti
    sonia sourav sudha sunil sushma suresh uddhav vijay vikram vinod virat yogi
    arjuna aravinda chaminda kumar lasith mahela mahinda maithripala muttiah muthiah ranil
    romesh sanath sajith gotabaya tillakaratne upul asanka hashan roshan kumara
    sheikh mujibur hasina khaleda ershad tareq
    aung kyi htein thein myint zaw nyunt khin
    bola chinedu chukwu chukwuma emeka ifeanyi ikechukwu kelechi ngozi nnamdi obinna
    olu oluwaseun olumide oluwole olusegun olufemi tolani tunde yemi adebayo adewale
    akinwumi babatunde funmilayo folake goodluck muhammadu atiku bukola yakubu sani umaru
    kwame kwabena kofi kojo kwaku nana akosua abena ama yaw ato
    jomo uhuru raila mwai wangari njeri wanjiru kipchoge kiprotich kipruto tegla paul
    thabo jacob cyril nelson winnie desmond julius sipho themba thandiwe nomvula mmusi
    lindiwe bheki zola kgalema
    haile meles abiy tedros tewodros kenenisa tirunesh derartu gete fatuma mulugeta
    yoweri idi milton jakaya samia julius benjamin
    robert emmerson morgan tendai chiwenga
    felix joseph laurent etienne denis moise
    abdou ousmane macky mamadou moussa amadou boubacar ibrahima aminata fatou awa
    abdelaziz bouteflika abdelmadjid
    xi li zhou deng jiang hu wen yi
    anatoly anatoliy vasily vasiliy yevgeny yevgeniy yekaterina yelena yelizaveta pyotr
    semyon sergei sergey dmitry dmitri vladimir vyacheslav gennady gennadiy grigory yuri
    yury aleksandr aleksei alexei alexey mikhail nikolai nikolay viktor valentina valery
    valeriy boris oleg igor ivan tatiana tatyana svetlana lyudmila irina natalya nataliya
    olga galina zhirayr vafa heydar ilham nursultan kassym-jomart shavkat emomali
    askar akezhan almazbek sooronbay
    volodymyr petro oleksandr oleksiy yulia viktor arseniy andriy
    """
)
"""Given names common in English-language news from the Middle East, South Asia, Africa and
the former Soviet Union that the gazetteer's sources do not hold in Latin letters."""

SURNAMES = word_set(
    """
    abbas abedin ahmadinejad akram anwar arafat assad bhutto erdogan gaddafi gadhafi
    haftar hariri hussein kadhafi khamenei khan khatami mubarak musharraf nasrallah netanyahu
    qadri rouhani sadr saleh sharif sisi younis zardari zia qureshi siddiqui chaudhry
    chaudhary chowdhury malik mirza rehman rahman raza rizvi butt bajwa mushtaq hafeez
    abdullah ahmed akhtar alam ali aziz baig hashmi iqbal jafri javid kazmi mahmood naqvi
    shah sheikh yusuf
    advani bachchan banerjee bhattacharya chatterjee chopra das desai dhoni gandhi ghosh
    gupta iyer jaitley jain joshi kapoor kejriwal khanna kohli kumar mehta menon mishra
    modi mukherjee nair naidu pandey patel pawar rao reddy roy shah sharma singh sinha
    srinivasan tendulkar thackeray tiwari trivedi vajpayee verma yadav ganguly dravid
    jayasuriya ranatunga muralitharan rajapaksa sirisena wickremesinghe premadasa
    kaluwitharana gurusinha tillekeratne mahanama dharmasena chandana vaas de-silva
    hasina zia
    suu kyi
    abiola adeyemi adeleke akande babangida buhari jonathan obasanjo okonjo-iweala okafor
    okeke okonkwo oyelaran soyinka tinubu abacha atiku
    annan akufo-addo mahama rawlings nkrumah mills kufuor
    kenyatta odinga kibaki moi wanjiru kipchoge rudisha loroupe
    mandela mbeki zuma ramaphosa malema tutu sisulu tambo buthelezi dlamini ndlovu nkosi
    mkhize khumalo mthembu
    gebrselassie bekele dibaba tulu wami ahmed
    museveni mugabe mnangagwa tsvangirai kagame kabila tshisekedi nyerere magufuli kikwete
    sall wade diouf toure traore keita diallo konate ouattara gbagbo
    bouteflika tebboune ben-ali ghannouchi
    yeltsin gorbachev putin medvedev lavrov shoigu navalny chernomyrdin lebed zyuganov
    yavlinsky primakov kasyanov kiriyenko luzhkov sobyanin nemtsov khodorkovsky abramovich
    deripaska zelensky poroshenko yanukovych yushchenko tymoshenko kuchma kravchuk
    lukashenko nazarbayev tokayev aliyev pashinyan saakashvili shevardnadze karimov mirziyoyev
    rahmon maskhadov dudayev basayev kadyrov
    """
)
"""Surnames of the same regions, likewise."""

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
}
_VOWELS = "аеёиоуыэюяіїєь"


def romanise(name: str) -> list[str]:
    """English spellings of a Cyrillic name as news agencies write it: "е" is "ye" at the start
    and after a vowel ("Yelena", "Sergeyev"), and a final "-ий" is written both "-y" and "-iy"
    ("Anatoly", "Anatoliy"). Empty for a name with other letters."""
    low = name.lower()
    if not low or any(ch not in _CYRILLIC for ch in low):
        return []
    out = []
    for i, ch in enumerate(low):
        if ch == "е" and (i == 0 or low[i - 1] in _VOWELS):
            out.append("ye")
        else:
            out.append(_CYRILLIC[ch])
    plain = "".join(out)
    spellings = [plain]
    if low.endswith(("ий", "ый")):
        spellings.append(plain[:-2] + "y")
    return [s.capitalize() for s in spellings if len(s) > 1]


_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ao|ai|ei|ou|an|en|in|un|ia|ie|iu|ua|uo"
    r"|ui|ue|er|a|e|i|o|u|v)"
)
_PINYIN_WORD = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,2}}(?:-{_PINYIN_SYLLABLE})?")


def pinyin_word(word: str) -> bool:
    """Whether a word is spelt as one or two syllables of pinyin ("Wei", "Longde", "Yuqing"),
    the way a Chinese given name is written in English. Many short English words are too, so
    this counts only next to a Chinese surname."""
    return len(word) >= 2 and bool(_PINYIN_WORD.fullmatch(word.lower()))


CHINESE_SURNAMES = word_set(
    """
    bai cai cao chang chen cheng cui dai deng ding dong du duan fan fang feng fu gao gong gu
    guo han hao he hou hu huang jia jiang jin kang kong lai lei li liang liao lin liu lu luo
    lv ma mao meng mo pan peng qian qiao qin qiu ren shao shen shi song su sun tan tang tian
    wan wang wei wen wu xia xiang xiao xie xiong xu xue yan yang yao ye yin yu yuan zeng
    zhang zhao zheng zhong zhou zhu zou
    """
)
"""Common Chinese surnames in pinyin: with a pinyin given name after one, a name is a
person's ("Zhang Wei", "Chen Longde")."""
