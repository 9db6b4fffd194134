/* escale-demo.c — realistic demo data, the same for the same seed
 *
 * People arrive alone or as families from the countries the associations
 * see most, with names as they are commonly written in French files, the
 * same names in their own script (Arabic, Persian, Ge'ez, Cyrillic) and
 * other spellings; birth dates of every precision; languages and the need
 * of an interpreter; an address in a French city; a status history that
 * follows the usual paths (asylum request → refugee, subsidiary protection
 * or refusal; residence permits; temporary protection for Ukrainians).
 *
 * Everything comes from one GRand seeded by the caller, and every date is
 * counted back from today, so the same seed gives the same people on the
 * same day. Everything is written in one transaction through the store's
 * own save functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "escale-account.h"
#include "escale-audit.h"
#include "escale-date.h"
#include "escale-demo.h"
#include "escale-person-store.h"
#include "escale-store-private.h"

typedef struct
{
  const char *latin;
  const char *native;   /* the same name in the script of its origin, or NULL */
  const char *variant;  /* another Latin spelling, or NULL */
} DemoName;

typedef struct
{
  const DemoName *family;
  guint           n_family;
  const DemoName *male;
  guint           n_male;
  const DemoName *female;
  guint           n_female;
} DemoNamePool;

#define DEMO_POOL(f, m, w) { f, G_N_ELEMENTS (f), m, G_N_ELEMENTS (m), w, G_N_ELEMENTS (w) }

static const DemoName maghreb_family[] = {
  { "Benali", "بن علي", "Ben Ali" }, { "Mansouri", "منصوري", NULL },
  { "Bouzid", "بوزيد", NULL }, { "Cherif", "شريف", "Chérif" },
  { "Khelifi", "خليفي", "Khalifi" }, { "Saïdi", "سعيدي", "Saidi" },
  { "Amrani", "عمراني", "El Amrani" }, { "El Idrissi", "الإدريسي", "Idrissi" },
  { "Belkacem", "بلقاسم", "Belkacim" }, { "Ziani", "زياني", NULL },
  { "Hamdi", "حمدي", NULL }, { "Ben Youssef", "بن يوسف", "Benyoucef" },
  { "Trabelsi", "الطرابلسي", NULL }, { "Gharbi", "الغربي", NULL },
  { "Boudiaf", "بوضياف", NULL }, { "Haddad", "حداد", "Hadad" },
  { "Meziane", "مزيان", NULL }, { "Benmoussa", "بن موسى", "Ben Moussa" },
  { "Rahmouni", "رحموني", NULL }, { "Lahlou", "لحلو", NULL },
  { "Tazi", "التازي", NULL }, { "Bennani", "بناني", NULL },
  { "Chaoui", "الشاوي", NULL }, { "Aït Ahmed", "آيت أحمد", "Ait Ahmed" },
};

static const DemoName mashreq_family[] = {
  { "Al-Ahmad", "الأحمد", "Alahmad" }, { "Al-Hassan", "الحسن", "Alhassan" },
  { "Khalil", "خليل", NULL }, { "Darwich", "درويش", "Darwish" },
  { "Ibrahim", "إبراهيم", NULL }, { "Al-Khatib", "الخطيب", "Khatib" },
  { "Nasser", "ناصر", "Nasir" }, { "Hamoud", "حمود", NULL },
  { "Al-Masri", "المصري", NULL }, { "Kassem", "قاسم", "Qassem" },
  { "Suleiman", "سليمان", "Soliman" }, { "Al-Hamwi", "الحموي", NULL },
  { "Al-Halabi", "الحلبي", NULL }, { "Sabbagh", "الصباغ", NULL },
  { "Othman", "عثمان", "Osman" }, { "Al-Ali", "العلي", NULL },
  { "Mustafa", "مصطفى", "Moustafa" }, { "Haddad", "حداد", NULL },
};

static const DemoName sudan_family[] = {
  { "Abdallah", "عبد الله", "Abdullah" }, { "Osman", "عثمان", "Othman" },
  { "Adam", "آدم", NULL }, { "Yagoub", "يعقوب", "Yacoub" },
  { "Ishag", "إسحاق", "Ishaq" }, { "Abakar", "أبكر", NULL },
  { "Haroun", "هارون", "Harun" }, { "Idriss", "إدريس", "Idris" },
  { "Babiker", "بابكر", NULL }, { "Abdelrahman", "عبد الرحمن", "Abderahmane" },
  { "Eltayeb", "الطيب", "El Tayeb" }, { "Hamid", "حامد", NULL },
  { "Musa", "موسى", "Moussa" }, { "Yahya", "يحيى", NULL },
  { "Elnour", "النور", "El Nour" }, { "Ahmed", "أحمد", NULL },
};

static const DemoName arabic_male[] = {
  { "Mohamed", "محمد", "Mohammed" }, { "Mohammed", "محمد", "Muhammad" },
  { "Muhammad", "محمد", "Mohamed" }, { "Ahmed", "أحمد", "Ahmad" },
  { "Ali", "علي", NULL }, { "Omar", "عمر", "Omer" },
  { "Youssef", "يوسف", "Youcef" }, { "Karim", "كريم", NULL },
  { "Khaled", "خالد", "Khalid" }, { "Mustapha", "مصطفى", "Mustafa" },
  { "Rachid", "رشيد", "Rashid" }, { "Hassan", "حسن", NULL },
  { "Hussein", "حسين", "Houcine" }, { "Ibrahim", "إبراهيم", "Brahim" },
  { "Abdelkader", "عبد القادر", NULL }, { "Samir", "سمير", NULL },
  { "Bilal", "بلال", NULL }, { "Amine", "أمين", "Amin" },
  { "Walid", "وليد", NULL }, { "Tarek", "طارق", "Tariq" },
  { "Nabil", "نبيل", NULL }, { "Mahmoud", "محمود", "Mahmud" },
  { "Hamza", "حمزة", NULL }, { "Sofiane", "سفيان", "Sufyan" },
  { "Yacine", "ياسين", "Yassine" }, { "Anas", "أنس", NULL },
  { "Adel", "عادل", NULL }, { "Abdelaziz", "عبد العزيز", NULL },
};

static const DemoName arabic_female[] = {
  { "Fatima", "فاطمة", "Fatma" }, { "Aïcha", "عائشة", "Aicha" },
  { "Khadija", "خديجة", "Khadidja" }, { "Amina", "أمينة", NULL },
  { "Meriem", "مريم", "Maryam" }, { "Nour", "نور", "Nur" },
  { "Samira", "سميرة", NULL }, { "Leïla", "ليلى", "Leila" },
  { "Yasmine", "ياسمين", "Yasmina" }, { "Salma", "سلمى", NULL },
  { "Zineb", "زينب", "Zeinab" }, { "Hanane", "حنان", "Hanan" },
  { "Rania", "رانيا", NULL }, { "Sara", "سارة", "Sarah" },
  { "Hiba", "هبة", NULL }, { "Imane", "إيمان", "Iman" },
  { "Nadia", "نادية", NULL }, { "Houda", "هدى", "Huda" },
  { "Asma", "أسماء", NULL }, { "Malak", "ملاك", NULL },
  { "Rim", "ريم", "Reem" }, { "Souad", "سعاد", "Suad" },
  { "Amal", "أمل", NULL },
};

static const DemoName afghan_family[] = {
  { "Ahmadi", "احمدی", NULL }, { "Rahimi", "رحیمی", NULL },
  { "Hakimi", "حکیمی", NULL }, { "Karimi", "کریمی", NULL },
  { "Hosseini", "حسینی", "Husseini" }, { "Mohammadi", "محمدی", "Mohamadi" },
  { "Noori", "نوری", "Nouri" }, { "Safi", "صافی", NULL },
  { "Haidari", "حیدری", "Heidari" }, { "Sultani", "سلطانی", NULL },
  { "Stanikzai", "ستانکزی", NULL }, { "Popal", "پوپل", NULL },
  { "Wardak", "وردک", NULL }, { "Amiri", "امیری", NULL },
  { "Jalali", "جلالی", NULL }, { "Sadat", "سادات", NULL },
  { "Rezaei", "رضایی", "Rezai" }, { "Azizi", "عزیزی", NULL },
  { "Nazari", "نظری", NULL }, { "Habibi", "حبیبی", NULL },
  { "Yousufzai", "یوسفزی", "Yousafzai" },
};

static const DemoName afghan_male[] = {
  { "Mohammad", "محمد", "Mohammed" }, { "Ahmad", "احمد", "Ahmed" },
  { "Ali", "علی", NULL }, { "Mustafa", "مصطفی", NULL },
  { "Hamid", "حمید", NULL }, { "Javad", "جواد", "Jawad" },
  { "Reza", "رضا", NULL }, { "Farid", "فرید", NULL },
  { "Najib", "نجیب", NULL }, { "Rahmatullah", "رحمت‌الله", "Rahmatollah" },
  { "Zabihullah", "ذبیح‌الله", "Zabiullah" }, { "Ismail", "اسماعیل", "Esmail" },
  { "Sayed", "سید", "Sayyed" }, { "Jawid", "جاوید", "Javid" },
  { "Omid", "امید", NULL }, { "Ehsan", "احسان", "Ihsan" },
  { "Shafiq", "شفیق", NULL }, { "Hamidullah", "حمیدالله", NULL },
  { "Bashir", "بشیر", NULL }, { "Nasir", "ناصر", "Naser" },
  { "Wahid", "وحید", NULL },
};

static const DemoName afghan_female[] = {
  { "Fatima", "فاطمه", "Fatema" }, { "Maryam", "مریم", "Mariam" },
  { "Zahra", "زهرا", NULL }, { "Shabnam", "شبنم", NULL },
  { "Parwana", "پروانه", "Parvaneh" }, { "Nargis", "نرگس", "Narges" },
  { "Soraya", "ثریا", "Suraya" }, { "Malalai", "ملالی", NULL },
  { "Farzana", "فرزانه", NULL }, { "Roya", "رویا", NULL },
  { "Mina", "مینا", NULL }, { "Laila", "لیلا", "Leila" },
  { "Sakina", "سکینه", NULL }, { "Habiba", "حبیبه", NULL },
  { "Freshta", "فرشته", "Fereshteh" }, { "Marzia", "مرضیه", "Marziyeh" },
  { "Nilofar", "نیلوفر", "Nilufar" },
};

static const DemoName eritrean_family[] = {
  { "Tesfay", "ተስፋይ", "Tesfai" }, { "Ghebremedhin", "ገብረመድህን", "Gebremedhin" },
  { "Haile", "ሃይለ", NULL }, { "Berhane", "ብርሃነ", NULL },
  { "Tekle", "ተኽለ", NULL }, { "Kidane", "ኪዳነ", NULL },
  { "Mehari", "መሓሪ", NULL }, { "Woldu", "ወልዱ", "Weldu" },
  { "Gebreyesus", "ገብረየሱስ", "Ghebreyesus" }, { "Abraha", "ኣብርሃ", NULL },
  { "Yohannes", "ዮሃንስ", "Yohanes" }, { "Habte", "ሃብተ", NULL },
  { "Tsegay", "ጸጋይ", "Tsegai" }, { "Asmerom", "ኣስመሮም", NULL },
  { "Zerai", "ዘርኣይ", NULL }, { "Negash", "ነጋሽ", NULL },
  { "Gebru", "ገብሩ", NULL },
};

static const DemoName eritrean_male[] = {
  { "Yonas", "ዮናስ", "Jonas" }, { "Dawit", "ዳዊት", "David" },
  { "Samuel", "ሳሙኤል", NULL }, { "Robel", "ሮቤል", NULL },
  { "Filmon", "ፊልሞን", "Philemon" }, { "Henok", "ሄኖክ", "Henock" },
  { "Biniam", "ቢንያም", "Biniyam" }, { "Amanuel", "ኣማኑኤል", "Emmanuel" },
  { "Temesghen", "ተመስገን", "Temesgen" }, { "Mussie", "ሙሴ", "Musie" },
  { "Natnael", "ናትናኤል", NULL }, { "Kibrom", "ክብሮም", NULL },
  { "Aron", "ኣሮን", "Aaron" }, { "Semere", "ሰመረ", NULL },
  { "Michael", "ሚካኤል", "Mikael" },
};

static const DemoName eritrean_female[] = {
  { "Selam", "ሰላም", NULL }, { "Helen", "ሄለን", NULL },
  { "Senait", "ሰናይት", "Senayt" }, { "Luwam", "ሉዋም", NULL },
  { "Yordanos", "ዮርዳኖስ", NULL }, { "Saba", "ሳባ", NULL },
  { "Hiwet", "ሂወት", "Hewet" }, { "Feven", "ፌቨን", NULL },
  { "Ruta", "ሩታ", NULL }, { "Eden", "ኤደን", NULL },
  { "Mebrat", "መብራት", NULL }, { "Meron", "ሜሮን", NULL },
  { "Winta", "ዊንታ", NULL }, { "Semhar", "ሰምሃር", NULL },
  { "Elsa", "ኤልሳ", NULL }, { "Tsega", "ጸጋ", NULL },
};

static const DemoName ukrainian_family[] = {
  { "Shevchenko", "Шевченко", "Chevtchenko" }, { "Kovalenko", "Коваленко", NULL },
  { "Bondarenko", "Бондаренко", NULL }, { "Tkachenko", "Ткаченко", "Tkatchenko" },
  { "Kravchenko", "Кравченко", NULL }, { "Oliinyk", "Олійник", "Oliynyk" },
  { "Melnyk", "Мельник", "Melnik" }, { "Boiko", "Бойко", "Boyko" },
  { "Kovalchuk", "Ковальчук", NULL }, { "Moroz", "Мороз", NULL },
  { "Lysenko", "Лисенко", NULL }, { "Savchenko", "Савченко", NULL },
  { "Rudenko", "Руденко", NULL }, { "Marchenko", "Марченко", NULL },
  { "Petrenko", "Петренко", NULL }, { "Shevchuk", "Шевчук", NULL },
  { "Polishchuk", "Поліщук", NULL }, { "Tkachuk", "Ткачук", NULL },
  { "Hnatiuk", "Гнатюк", NULL }, { "Zinchenko", "Зінченко", NULL },
};

static const DemoName ukrainian_male[] = {
  { "Oleksandr", "Олександр", "Aleksandr" }, { "Andrii", "Андрій", "Andriy" },
  { "Dmytro", "Дмитро", "Dmitri" }, { "Serhii", "Сергій", "Sergiy" },
  { "Mykola", "Микола", "Nikolai" }, { "Ivan", "Іван", NULL },
  { "Volodymyr", "Володимир", "Vladimir" }, { "Yurii", "Юрій", "Iouri" },
  { "Vasyl", "Василь", NULL }, { "Taras", "Тарас", NULL },
  { "Maksym", "Максим", "Maxime" }, { "Artem", "Артем", NULL },
  { "Bohdan", "Богдан", "Bogdan" },
};

static const DemoName ukrainian_female[] = {
  { "Olena", "Олена", "Elena" }, { "Iryna", "Ірина", "Irina" },
  { "Nataliia", "Наталія", "Natalia" }, { "Tetiana", "Тетяна", "Tatiana" },
  { "Oksana", "Оксана", NULL }, { "Svitlana", "Світлана", "Svetlana" },
  { "Yuliia", "Юлія", "Ioulia" }, { "Kateryna", "Катерина", "Katerina" },
  { "Anastasiia", "Анастасія", "Anastasia" }, { "Mariia", "Марія", "Maria" },
  { "Viktoriia", "Вікторія", "Viktoria" }, { "Halyna", "Галина", "Galina" },
  { "Sofiia", "Софія", "Sofia" },
};

static const DemoName west_african_family[] = {
  { "Diallo", NULL, NULL }, { "Bah", NULL, NULL }, { "Barry", NULL, NULL },
  { "Sow", NULL, NULL }, { "Diop", NULL, NULL }, { "Ndiaye", NULL, "N'Diaye" },
  { "Fall", NULL, NULL }, { "Traoré", NULL, "Traore" }, { "Keïta", NULL, "Keita" },
  { "Coulibaly", NULL, "Kulibali" }, { "Konaté", NULL, NULL }, { "Camara", NULL, "Kamara" },
  { "Cissé", NULL, NULL }, { "Touré", NULL, NULL }, { "Diarra", NULL, NULL },
  { "Sylla", NULL, NULL }, { "Kouyaté", NULL, NULL }, { "Sangaré", NULL, NULL },
  { "Koné", NULL, NULL }, { "Ouattara", NULL, "Wattara" }, { "Doumbia", NULL, NULL },
  { "Kanté", NULL, NULL }, { "Fofana", NULL, NULL }, { "Soumaré", NULL, NULL },
  { "Kourouma", NULL, NULL }, { "Condé", NULL, NULL }, { "Bamba", NULL, NULL },
  { "Kouassi", NULL, NULL }, { "N'Guessan", NULL, "Nguessan" }, { "Baldé", NULL, NULL },
  { "Dembélé", NULL, NULL }, { "Sidibé", NULL, NULL }, { "Sacko", NULL, NULL },
  { "Dramé", NULL, NULL }, { "Gueye", NULL, NULL }, { "Mbaye", NULL, NULL },
  { "Faye", NULL, NULL }, { "Sarr", NULL, NULL },
};

static const DemoName west_african_male[] = {
  { "Mamadou", NULL, "Mamadu" }, { "Moussa", NULL, "Musa" }, { "Ibrahima", NULL, NULL },
  { "Ousmane", NULL, "Usman" }, { "Amadou", NULL, "Ahmadou" },
  { "Abdoulaye", NULL, NULL }, { "Souleymane", NULL, "Suleiman" },
  { "Boubacar", NULL, "Aboubacar" }, { "Alpha", NULL, NULL }, { "Lamine", NULL, NULL },
  { "Seydou", NULL, "Saidou" }, { "Cheikh", NULL, "Cheick" }, { "Modou", NULL, NULL },
  { "Aliou", NULL, "Alioune" }, { "Sékou", NULL, "Sekou" }, { "Issa", NULL, NULL },
  { "Drissa", NULL, NULL }, { "Yaya", NULL, "Yahya" }, { "Adama", NULL, NULL },
  { "Mohamed", NULL, "Mouhamed" }, { "Oumar", NULL, "Omar" },
  { "Bakary", NULL, "Bakari" }, { "Karamoko", NULL, NULL }, { "Fodé", NULL, "Fode" },
};

static const DemoName west_african_female[] = {
  { "Aminata", NULL, NULL }, { "Fatoumata", NULL, "Fatimata" }, { "Mariama", NULL, NULL },
  { "Awa", NULL, NULL }, { "Kadiatou", NULL, "Kadidiatou" },
  { "Aïssatou", NULL, "Aissatou" }, { "Hawa", NULL, NULL }, { "Ramatoulaye", NULL, NULL },
  { "Coumba", NULL, "Kumba" }, { "Bintou", NULL, NULL }, { "Oumou", NULL, NULL },
  { "Mariam", NULL, NULL }, { "Djeneba", NULL, "Jeneba" }, { "Adja", NULL, NULL },
  { "Assitan", NULL, NULL }, { "Nafissatou", NULL, NULL }, { "Rokia", NULL, NULL },
  { "Salimata", NULL, NULL }, { "Maïmouna", NULL, "Maimouna" },
};

static const DemoName central_african_family[] = {
  { "Mukendi", NULL, NULL }, { "Ilunga", NULL, NULL }, { "Kabongo", NULL, NULL },
  { "Tshibangu", NULL, "Tshibanga" }, { "Lukusa", NULL, NULL }, { "Mbuyi", NULL, NULL },
  { "Kalala", NULL, NULL }, { "Nkulu", NULL, NULL }, { "Kasongo", NULL, NULL },
  { "Mutombo", NULL, NULL }, { "Lumbala", NULL, NULL }, { "Makiese", NULL, NULL },
  { "Nsimba", NULL, NULL }, { "Mavungu", NULL, NULL }, { "Nkoulou", NULL, NULL },
  { "Fotso", NULL, NULL }, { "Mbarga", NULL, NULL }, { "Ngono", NULL, NULL },
  { "Essomba", NULL, NULL }, { "Kamga", NULL, NULL },
};

static const DemoName central_african_male[] = {
  { "Jean-Pierre", NULL, "Jean Pierre" }, { "Patrick", NULL, NULL },
  { "Christian", NULL, NULL }, { "Fiston", NULL, NULL }, { "Glody", NULL, NULL },
  { "Dieudonné", NULL, "Dieudonne" }, { "Héritier", NULL, "Heritier" },
  { "Junior", NULL, NULL }, { "Blaise", NULL, NULL }, { "Serge", NULL, NULL },
  { "Arsène", NULL, NULL }, { "Cédric", NULL, NULL }, { "Exaucé", NULL, "Exauce" },
  { "Prince", NULL, NULL }, { "Trésor", NULL, "Tresor" },
};

static const DemoName central_african_female[] = {
  { "Grâce", NULL, "Grace" }, { "Divine", NULL, NULL }, { "Merveille", NULL, NULL },
  { "Chancelle", NULL, NULL }, { "Gloire", NULL, NULL }, { "Esther", NULL, NULL },
  { "Ruth", NULL, NULL }, { "Josiane", NULL, NULL }, { "Nathalie", NULL, NULL },
  { "Sandrine", NULL, NULL }, { "Plamedie", NULL, NULL }, { "Bénédicte", NULL, NULL },
  { "Rebecca", NULL, NULL }, { "Princesse", NULL, NULL }, { "Falonne", NULL, NULL },
};

static const DemoName french_family[] = {
  { "Martin", NULL, NULL }, { "Bernard", NULL, NULL }, { "Dubois", NULL, NULL },
  { "Thomas", NULL, NULL }, { "Robert", NULL, NULL }, { "Richard", NULL, NULL },
  { "Petit", NULL, NULL }, { "Durand", NULL, NULL }, { "Leroy", NULL, NULL },
  { "Moreau", NULL, NULL }, { "Simon", NULL, NULL }, { "Laurent", NULL, NULL },
  { "Lefèvre", NULL, "Lefebvre" }, { "Michel", NULL, NULL }, { "Garcia", NULL, NULL },
  { "Fournier", NULL, NULL }, { "Lambert", NULL, NULL }, { "Girard", NULL, NULL },
  { "Bonnet", NULL, NULL }, { "François", NULL, NULL }, { "Mercier", NULL, NULL },
  { "Faure", NULL, NULL }, { "Rousseau", NULL, NULL }, { "Blanc", NULL, NULL },
  { "Guérin", NULL, NULL }, { "Chevalier", NULL, NULL }, { "Gauthier", NULL, NULL },
  { "Perrin", NULL, NULL }, { "Morel", NULL, NULL }, { "Da Silva", NULL, NULL },
  { "Nguyen", NULL, NULL }, { "Clément", NULL, NULL },
};

static const DemoName french_male[] = {
  { "Jean", NULL, NULL }, { "Pierre", NULL, NULL }, { "Nicolas", NULL, NULL },
  { "Julien", NULL, NULL }, { "Stéphane", NULL, NULL }, { "Thomas", NULL, NULL },
  { "Benoît", NULL, NULL }, { "Jérôme", NULL, NULL }, { "François", NULL, NULL },
  { "Lucas", NULL, NULL }, { "Hugo", NULL, NULL }, { "Théo", NULL, NULL },
  { "Kevin", NULL, "Kévin" }, { "Dylan", NULL, NULL }, { "Enzo", NULL, NULL },
};

static const DemoName french_female[] = {
  { "Hélène", NULL, NULL }, { "Élodie", NULL, NULL }, { "Céline", NULL, NULL },
  { "Marie", NULL, NULL }, { "Camille", NULL, NULL }, { "Chloé", NULL, NULL },
  { "Léa", NULL, NULL }, { "Émilie", NULL, NULL }, { "Gaëlle", NULL, NULL },
  { "Noémie", NULL, NULL }, { "Zoé", NULL, NULL }, { "Manon", NULL, NULL },
  { "Inès", NULL, NULL }, { "Jade", NULL, NULL }, { "Océane", NULL, NULL },
};

static const DemoNamePool maghreb_names =
  DEMO_POOL (maghreb_family, arabic_male, arabic_female);
static const DemoNamePool mashreq_names =
  DEMO_POOL (mashreq_family, arabic_male, arabic_female);
static const DemoNamePool sudan_names =
  DEMO_POOL (sudan_family, arabic_male, arabic_female);
static const DemoNamePool afghan_names =
  DEMO_POOL (afghan_family, afghan_male, afghan_female);
static const DemoNamePool eritrean_names =
  DEMO_POOL (eritrean_family, eritrean_male, eritrean_female);
static const DemoNamePool ukrainian_names =
  DEMO_POOL (ukrainian_family, ukrainian_male, ukrainian_female);
static const DemoNamePool west_african_names =
  DEMO_POOL (west_african_family, west_african_male, west_african_female);
static const DemoNamePool central_african_names =
  DEMO_POOL (central_african_family, central_african_male, central_african_female);
static const DemoNamePool french_names =
  DEMO_POOL (french_family, french_male, french_female);

typedef struct
{
  const char *postal_code;
  const char *city;
} DemoCity;

static const DemoCity demo_cities[] = {
  { "75018", "Paris" }, { "75019", "Paris" }, { "75020", "Paris" }, { "75010", "Paris" },
  { "93200", "Saint-Denis" }, { "93100", "Montreuil" }, { "93300", "Aubervilliers" },
  { "69007", "Lyon" }, { "69008", "Lyon" }, { "69100", "Villeurbanne" },
  { "13003", "Marseille" }, { "13015", "Marseille" }, { "31000", "Toulouse" },
  { "33000", "Bordeaux" }, { "44000", "Nantes" }, { "59000", "Lille" },
  { "59100", "Roubaix" }, { "67000", "Strasbourg" }, { "38000", "Grenoble" },
  { "35000", "Rennes" }, { "34000", "Montpellier" }, { "06000", "Nice" },
  { "76000", "Rouen" }, { "62100", "Calais" }, { "57000", "Metz" },
  { "21000", "Dijon" }, { "63000", "Clermont-Ferrand" }, { "86000", "Poitiers" },
  { "87000", "Limoges" }, { "25000", "Besançon" }, { "37000", "Tours" },
  { "49000", "Angers" }, { "14000", "Caen" }, { "45000", "Orléans" },
};

static const char *const demo_streets[] = {
  "rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "rue Pasteur",
  "boulevard Gambetta", "rue des Lilas", "allée des Tilleuls", "place de la Mairie",
  "rue du Moulin", "chemin des Vignes", "impasse des Roses", "rue Paul Éluard",
  "avenue Louise Michel", "rue de la Gare", "boulevard de Strasbourg", "rue Jules Ferry",
  "rue Émile Zola", "cité des Francs-Moisins", "rue Lamartine", "avenue de Stalingrad",
};

static const char *const demo_domiciliations[] = {
  "Domiciliation : Secours catholique", "Domiciliation : CCAS",
  "Domiciliation : Croix-Rouge française", "Domiciliation : Emmaüs Solidarité",
  "Domiciliation : La Cimade",
};

static const char *const demo_referents[] = {
  "Sophie Martin", "Youssef El Amrani", "Claire Dubois", "Thomas Leroy",
  "Aminata Sy", "Julien Moreau", "Nadia Haddad", "Pierre Garnier",
};

static const char *const demo_referrers[] = {
  "115", "PADA", "Croix-Rouge", "Secours populaire", "CCAS", "Hôpital", "Bouche-à-oreille",
  "Restos du Cœur", "Maraude", "Mission locale", "École",
};

static const char *const demo_consent_scopes[] = {
  "Suivi social et orientation vers les partenaires",
  "Suivi social uniquement",
  "Suivi, orientations et statistiques anonymes",
};

static const char *const demo_close_reasons[] = {
  "Déménagement", "Orienté vers une autre structure", "Plus de nouvelles",
  "Accès à un logement autonome", "Fin de l'accompagnement", "Retour au pays",
};

typedef enum
{
  PATH_ASYLUM,
  PATH_PERMIT,
  PATH_TEMPORARY,
  PATH_NATIONAL,
} StatusPath;

typedef struct
{
  const char         *country;     /* ISO 3166 alpha-2 */
  guint               weight;
  const DemoNamePool *names;
  const char         *native[3];   /* ISO 639 codes, the most spoken first */
  const char         *second;      /* a language some also speak, or NULL */
  guint               french;      /* percent who speak some French */
  StatusPath          path;
  gboolean            partner_keeps_name;
  gboolean            father_name; /* children take their father's given name */
} DemoOrigin;

static const DemoOrigin origins[] = {
  { "AF", 120, &afghan_names, { "prs", "ps" }, "fa", 15, PATH_ASYLUM, FALSE, FALSE },
  { "DZ", 90, &maghreb_names, { "arq", "ar", "kab" }, NULL, 85, PATH_PERMIT, TRUE, FALSE },
  { "MA", 60, &maghreb_names, { "ary", "ar" }, NULL, 75, PATH_PERMIT, TRUE, FALSE },
  { "TN", 50, &maghreb_names, { "ar" }, NULL, 80, PATH_PERMIT, TRUE, FALSE },
  { "SY", 70, &mashreq_names, { "ar", "kmr" }, "en", 15, PATH_ASYLUM, TRUE, FALSE },
  { "SD", 80, &sudan_names, { "apd", "ar" }, "en", 10, PATH_ASYLUM, TRUE, FALSE },
  { "ER", 70, &eritrean_names, { "ti" }, "en", 10, PATH_ASYLUM, TRUE, TRUE },
  { "UA", 100, &ukrainian_names, { "uk", "ru" }, "en", 10, PATH_TEMPORARY, FALSE, FALSE },
  { "GN", 80, &west_african_names, { "ff", "sus" }, NULL, 70, PATH_ASYLUM, TRUE, FALSE },
  { "ML", 50, &west_african_names, { "bm", "snk" }, NULL, 60, PATH_PERMIT, TRUE, FALSE },
  { "SN", 40, &west_african_names, { "wo", "ff" }, NULL, 80, PATH_PERMIT, TRUE, FALSE },
  { "CI", 60, &west_african_names, { "dyu", "fr" }, NULL, 90, PATH_ASYLUM, TRUE, FALSE },
  { "CD", 50, &central_african_names, { "ln", "sw" }, NULL, 95, PATH_ASYLUM, TRUE, FALSE },
  { "CM", 30, &central_african_names, { "fr" }, "en", 100, PATH_PERMIT, TRUE, FALSE },
  { "FR", 20, &french_names, { "fr" }, NULL, 100, PATH_NATIONAL, FALSE, FALSE },
};

#define YEAR 365
#define DOCUMENT_ASYLUM "Attestation de demande d'asile"

typedef struct
{
  EscaleStore *store;
  GRand       *rand;
  guint32      today;  /* Julian day */
} Demo;

typedef struct
{
  gint64      id;
  const char *role;
} DemoMember;

/* The people who arrive together: one person, or a family sharing a household. */
typedef struct
{
  const DemoOrigin *origin;
  const DemoName   *family;
  const DemoName   *father;         /* the father's given name, once known */
  guint             head_age;
  guint32           arrival;        /* Julian days; 0 when unknown */
  guint32           first_contact;
  guint32           closed_on;
  const char       *close_reason;
  const DemoCity   *city;
  char             *address;
  const char       *referent;
  const char       *referred_by;
  const char       *consent_scope;
  GPtrArray        *periods;        /* EscaleStatusPeriod, the head's history */
  GArray           *members;        /* DemoMember, the head first */
} DemoUnit;

/* Chance */

static guint
pick (Demo  *demo,
      guint  n)
{
  return n > 1 ? (guint) g_rand_int_range (demo->rand, 0, (gint32) n) : 0;
}

static gboolean
chance (Demo  *demo,
        guint  percent)
{
  return pick (demo, 100) < percent;
}

#define PICK(demo, array) ((array)[pick ((demo), G_N_ELEMENTS (array))])

/* A day between @from and @max_days later, never after today. */
static guint32
later (Demo    *demo,
       guint32  from,
       guint    max_days)
{
  guint32 day = from + pick (demo, max_days + 1);

  return MIN (demo->today, day);
}

/* Dates */

static char *
iso_date (guint32 julian)
{
  GDate date;

  if (julian == 0)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The first day of the month, or of the year, of @julian. */
static guint32
truncate_date (guint32  julian,
               gboolean whole_year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_set_day (&date, 1);
  if (whole_year)
    g_date_set_month (&date, G_DATE_JANUARY);
  return g_date_get_julian (&date);
}

static guint32
julian_of (const char *iso)
{
  g_autoptr(GDate) date = escale_date_to_gdate (iso);

  return g_date_get_julian (date);
}

static void
set_date (EscalePerson *person,
          EscaleField   field,
          guint32       julian)
{
  g_autofree char *iso = iso_date (julian);

  escale_person_set (person, field, iso);
}

/* Status histories */

static void
add_period (DemoUnit   *unit,
            const char *status,
            guint32     from,
            guint32     to,
            const char *document,
            guint32     expiry)
{
  g_autofree char *started = iso_date (from);
  g_autofree char *ended = iso_date (to);
  g_autofree char *expires = iso_date (expiry);

  g_ptr_array_add (unit->periods,
                   escale_status_period_new (status, started, ended, document, expires));
}

/* A request, then protection, a refusal, or an appeal still pending. */
static void
build_asylum_path (Demo     *demo,
                   DemoUnit *unit,
                   guint32   since)
{
  guint32 start = later (demo, since + 3, 60);
  guint32 decision = later (demo, start + 240, 420);
  guint outcome = pick (demo, 100);

  if (demo->today - start < 300 || outcome < 20)
    {
      add_period (unit, "asylum_seeker", start, 0, DOCUMENT_ASYLUM,
                  demo->today - 20 + pick (demo, 200));
      return;
    }
  if (outcome >= 94)
    {
      add_period (unit, "asylum_seeker", start, 0, "Récépissé de recours CNDA",
                  demo->today + pick (demo, 120));
      return;
    }
  add_period (unit, "asylum_seeker", start, decision, DOCUMENT_ASYLUM, start + 180);
  if (outcome < 55)
    add_period (unit, "refugee", decision, 0, "Carte de résident", decision + 10 * YEAR);
  else if (outcome < 72)
    add_period (unit, "subsidiary_protection", decision, 0, "Carte de séjour pluriannuelle",
                decision + 4 * YEAR);
  else if (outcome < 74)
    add_period (unit, "stateless", decision, 0, "Carte de résident", decision + 10 * YEAR);
  else
    add_period (unit, "undocumented", decision, 0, NULL, 0);
}

static void
build_permit_path (Demo     *demo,
                   DemoUnit *unit)
{
  guint path = pick (demo, 100);
  guint32 start = later (demo, unit->arrival, 3 * YEAR);

  if (path < 50)
    {
      if (start - unit->arrival > YEAR)
        add_period (unit, "undocumented", unit->arrival, start, NULL, 0);
      add_period (unit, "residence_permit", start, 0, "Carte de séjour temporaire",
                  demo->today - 30 + pick (demo, 395));
    }
  else if (path < 80)
    add_period (unit, "undocumented", unit->arrival, 0, NULL, 0);
  else
    build_asylum_path (demo, unit, unit->arrival);
}

static void
build_status_path (Demo     *demo,
                   DemoUnit *unit)
{
  guint unusual = pick (demo, 100);

  if (unusual < 1)
    return;
  if (unusual < 3)
    {
      add_period (unit, "unknown", unit->first_contact, 0, NULL, 0);
      return;
    }
  switch (unit->origin->path)
    {
    case PATH_ASYLUM:
      build_asylum_path (demo, unit, unit->arrival);
      break;
    case PATH_PERMIT:
      build_permit_path (demo, unit);
      break;
    case PATH_TEMPORARY:
      add_period (unit, "temporary_protection", later (demo, unit->arrival, 20), 0,
                  "Autorisation provisoire de séjour", demo->today - 15 + pick (demo, 200));
      break;
    case PATH_NATIONAL:
      add_period (unit, "french_national", 0, 0, NULL, 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Units */

static const DemoOrigin *
pick_origin (Demo *demo)
{
  guint total = 0, n;

  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    total += origins[i].weight;
  n = pick (demo, total);
  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      if (n < origins[i].weight)
        return &origins[i];
      n -= origins[i].weight;
    }
  g_assert_not_reached ();
}

static guint
pick_adult_age (Demo *demo)
{
  if (chance (demo, 6))
    return 50 + pick (demo, 36);
  return 18 + pick (demo, 12) + pick (demo, 12) + pick (demo, 10);
}

static guint
pick_partner_age (Demo  *demo,
                  guint  head_age)
{
  guint age = head_age + pick (demo, 11);

  return MAX (18, age - 6);
}

static guint32
pick_arrival (Demo     *demo,
              DemoUnit *unit)
{
  guint32 war = julian_of ("2022-02-24");  /* when Ukrainians began to arrive */
  guint span = MIN (10 * YEAR, (unit->head_age - 14) * YEAR);

  if (unit->origin->path == PATH_NATIONAL)
    return 0;
  if (unit->origin->path == PATH_TEMPORARY && demo->today > war + 7)
    span = MIN (span, demo->today - war - 7);
  return demo->today - 7 - pick (demo, span);
}

static void
unit_init (Demo     *demo,
           DemoUnit *unit,
           gboolean  lone_minor)
{
  const DemoNamePool *names;

  unit->origin = pick_origin (demo);
  names = unit->origin->names;
  unit->family = &names->family[pick (demo, names->n_family)];
  unit->head_age = lone_minor ? 15 + pick (demo, 3) : pick_adult_age (demo);
  unit->arrival = pick_arrival (demo, unit);
  unit->first_contact = unit->arrival ? later (demo, unit->arrival, 2 * YEAR)
                                      : demo->today - pick (demo, 8 * YEAR);
  if (chance (demo, 10))
    {
      unit->closed_on = later (demo, unit->first_contact, demo->today - unit->first_contact);
      unit->close_reason = PICK (demo, demo_close_reasons);
    }
  unit->city = &PICK (demo, demo_cities);
  unit->address = chance (demo, 12) ? g_strdup (PICK (demo, demo_domiciliations))
                                    : g_strdup_printf ("%u %s", 1 + pick (demo, 120),
                                                       PICK (demo, demo_streets));
  unit->referent = chance (demo, 88) ? PICK (demo, demo_referents) : NULL;
  unit->referred_by = chance (demo, 55) ? PICK (demo, demo_referrers) : NULL;
  unit->consent_scope = chance (demo, 93) ? PICK (demo, demo_consent_scopes) : NULL;
  unit->periods = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_status_period_free);
  unit->members = g_array_new (FALSE, FALSE, sizeof (DemoMember));
  build_status_path (demo, unit);
}

static void
unit_clear (DemoUnit *unit)
{
  g_free (unit->address);
  g_ptr_array_unref (unit->periods);
  g_array_unref (unit->members);
}

/* People */

static const DemoName *
pick_given (Demo               *demo,
            const DemoNamePool *names,
            const char         *sex)
{
  gboolean female = g_str_equal (sex, "F") || (g_str_equal (sex, "X") && chance (demo, 50));

  return female ? &names->female[pick (demo, names->n_female)]
                : &names->male[pick (demo, names->n_male)];
}

static const DemoName *
pick_family (Demo       *demo,
             DemoUnit   *unit,
             const char *role)
{
  const DemoNamePool *names = unit->origin->names;

  if (g_strcmp0 (role, "partner") == 0 && unit->origin->partner_keeps_name)
    return &names->family[pick (demo, names->n_family)];
  if (g_strcmp0 (role, "child") == 0 && unit->origin->father_name && unit->father != NULL)
    return unit->father;
  return unit->family;
}

/* The name in its own script, and another spelling, as other names. */
static GStrv
build_other_names (Demo           *demo,
                   const DemoName *family,
                   const DemoName *given,
                   const DemoName *second)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (family->native && given->native && (second == NULL || second->native) && chance (demo, 85))
    {
      g_autofree char *native = g_strdup_printf ("%s%s%s %s", given->native, second ? " " : "",
                                                 second ? second->native : "", family->native);
      g_strv_builder_add (builder, native);
    }
  if ((given->variant || family->variant) && chance (demo, 25))
    {
      g_autofree char *variant = g_strdup_printf ("%s %s", given->variant ?: given->latin,
                                                  family->variant ?: family->latin);
      g_strv_builder_add (builder, variant);
    }
  return g_strv_builder_end (builder);
}

static void
set_names (Demo         *demo,
           DemoUnit     *unit,
           EscalePerson *person,
           const char   *role)
{
  const char *sex = escale_person_get (person, ESCALE_FIELD_SEX);
  const DemoName *family = pick_family (demo, unit, role);
  const DemoName *given = pick_given (demo, unit->origin->names, sex);
  const DemoName *second = chance (demo, 12) ? pick_given (demo, unit->origin->names, sex) : NULL;
  g_autofree char *given_names = NULL;
  g_auto(GStrv) others = NULL;

  if (second == given)
    second = NULL;
  given_names = g_strjoin (" ", given->latin, second ? second->latin : NULL, NULL);
  others = build_other_names (demo, family, given, second);
  escale_person_set (person, ESCALE_FIELD_FAMILY_NAME, family->latin);
  escale_person_set (person, ESCALE_FIELD_GIVEN_NAMES, given_names);
  escale_person_set_other_names (person, (const char * const *) others);
  if (g_str_equal (sex, "M") && g_strcmp0 (role, "child") != 0)
    unit->father = given;
}

/* Returns: whether the person was born in France, after the family arrived. */
static gboolean
set_birth (Demo         *demo,
           DemoUnit     *unit,
           EscalePerson *person,
           guint         age)
{
  guint32 birth = demo->today - age * YEAR - pick (demo, YEAR);
  gboolean born_here = unit->arrival != 0 && birth > unit->arrival;
  const char *precision = "exact";
  const char *nationalities[] = { unit->origin->country, NULL };
  guint kind = pick (demo, 100);

  if (!born_here && kind >= 72)
    {
      precision = kind < 80 ? "month" : kind < 90 ? "year" : "estimated";
      birth = truncate_date (birth, kind >= 80);
    }
  set_date (person, ESCALE_FIELD_BIRTH_DATE, birth);
  escale_person_set (person, ESCALE_FIELD_BIRTH_PRECISION, precision);
  escale_person_set (person, ESCALE_FIELD_BIRTH_COUNTRY, born_here ? "FR" : unit->origin->country);
  escale_person_set_nationalities (person, nationalities);
  return born_here;
}

static void
set_languages (Demo         *demo,
               DemoUnit     *unit,
               EscalePerson *person,
               guint         age)
{
  const DemoOrigin *origin = unit->origin;
  GPtrArray *languages = escale_person_get_languages (person);
  guint n_native = origin->native[1] == NULL ? 1 : origin->native[2] == NULL ? 2 : 3;
  const char *native = chance (demo, 70) ? origin->native[0]
                                         : origin->native[pick (demo, n_native)];
  gboolean french_native = g_str_equal (native, "fr");
  const char *french = NULL;
  gboolean interpreter;

  if (!french_native && age >= 3 && chance (demo, origin->french))
    french = chance (demo, 40) ? "fluent" : "basic";
  interpreter = !french_native && g_strcmp0 (french, "fluent") != 0 && age >= 12 &&
                chance (demo, 70);
  g_ptr_array_add (languages, escale_language_skill_new (native, "native", interpreter));
  if (origin->second && age >= 12 && chance (demo, 35))
    g_ptr_array_add (languages, escale_language_skill_new (origin->second,
                                                           chance (demo, 50) ? "fluent" : "basic",
                                                           FALSE));
  if (french != NULL)
    g_ptr_array_add (languages, escale_language_skill_new ("fr", french, FALSE));
}

static char *
build_email (Demo         *demo,
             EscalePerson *person)
{
  static const char *const domains[] = { "example.org", "example.net", "example.com" };
  g_autofree char *raw = g_strdup_printf ("%s.%s",
                                          escale_person_get (person, ESCALE_FIELD_GIVEN_NAMES),
                                          escale_person_get (person, ESCALE_FIELD_FAMILY_NAME));
  g_autofree char *ascii = g_str_to_ascii (raw, "C");
  GString *email = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p) || *p == '.')
      g_string_append_c (email, g_ascii_tolower (*p));
  if (chance (demo, 40))
    g_string_append_printf (email, "%02u", pick (demo, 100));
  g_string_append_printf (email, "@%s", PICK (demo, domains));
  return g_string_free (email, FALSE);
}

static void
set_contact (Demo         *demo,
             DemoUnit     *unit,
             EscalePerson *person,
             guint         age)
{
  gboolean head = unit->members->len == 0;

  if (age >= 14 && chance (demo, head ? 92 : 55))
    {
      g_autofree char *phone = g_strdup_printf ("+33 %u %02u %02u %02u %02u",
                                                chance (demo, 80) ? 6 : 7, pick (demo, 100),
                                                pick (demo, 100), pick (demo, 100),
                                                pick (demo, 100));
      escale_person_set (person, ESCALE_FIELD_PHONE, phone);
    }
  if (age >= 16 && chance (demo, 28))
    {
      g_autofree char *email = build_email (demo, person);
      escale_person_set (person, ESCALE_FIELD_EMAIL, email);
    }
  escale_person_set (person, ESCALE_FIELD_ADDRESS, unit->address);
  escale_person_set (person, ESCALE_FIELD_POSTAL_CODE, unit->city->postal_code);
  escale_person_set (person, ESCALE_FIELD_CITY, unit->city->city);
}

static void
set_follow_up (Demo         *demo,
               DemoUnit     *unit,
               EscalePerson *person,
               gboolean      born_here)
{
  EscaleLanguageSkill *first = g_ptr_array_index (escale_person_get_languages (person), 0);
  guint32 birth = julian_of (escale_person_get (person, ESCALE_FIELD_BIRTH_DATE));
  guint32 first_contact = MAX (unit->first_contact, birth);  /* babies born since */

  set_date (person, ESCALE_FIELD_ARRIVAL_DATE, born_here ? 0 : unit->arrival);
  set_date (person, ESCALE_FIELD_FIRST_CONTACT, first_contact);
  escale_person_set (person, ESCALE_FIELD_REFERENT, unit->referent);
  escale_person_set (person, ESCALE_FIELD_REFERRED_BY, unit->referred_by);
  if (unit->consent_scope != NULL)
    {
      set_date (person, ESCALE_FIELD_CONSENT_DATE, first_contact);
      escale_person_set (person, ESCALE_FIELD_CONSENT_SCOPE, unit->consent_scope);
      escale_person_set (person, ESCALE_FIELD_CONSENT_INFORMED,
                         first->interpreter ? "Entretien oral avec interprète"
                         : chance (demo, 50) ? "Entretien oral en français"
                         : "Notice écrite remise et expliquée");
    }
  if (unit->closed_on != 0)
    set_date (person, ESCALE_FIELD_CLOSED_ON, MAX (unit->closed_on, first_contact));
  escale_person_set (person, ESCALE_FIELD_CLOSE_REASON, unit->close_reason);
}

/* The head's history; minors hold no documents, and nobody's history starts
 * before their birth. */
static void
set_status (DemoUnit     *unit,
            EscalePerson *person,
            gboolean      minor)
{
  const char *birth = escale_person_get (person, ESCALE_FIELD_BIRTH_DATE);
  GPtrArray *periods = escale_person_get_status_periods (person);

  for (guint i = 0; i < unit->periods->len; i++)
    {
      EscaleStatusPeriod *period = g_ptr_array_index (unit->periods, i);
      const char *started = period->started_on;

      if (period->ended_on != NULL && strcmp (period->ended_on, birth) < 0)
        continue;
      if (started != NULL && strcmp (started, birth) < 0)
        started = birth;
      g_ptr_array_add (periods, escale_status_period_new (period->status, started,
                                                          period->ended_on,
                                                          minor ? NULL : period->document,
                                                          minor ? NULL : period->document_expiry));
    }
}

/* Numbered in the year of the first contact, as the association would have. */
static gboolean
set_file_number (Demo          *demo,
                 EscalePerson  *person,
                 GError       **error)
{
  const char *first_contact = escale_person_get (person, ESCALE_FIELD_FIRST_CONTACT);
  g_autofree char *number = escale_store_next_file_number (demo->store, atoi (first_contact),
                                                           error);

  if (number == NULL)
    return FALSE;
  escale_person_set (person, ESCALE_FIELD_FILE_NUMBER, number);
  return TRUE;
}

static gboolean
add_member (Demo        *demo,
            DemoUnit    *unit,
            const char  *role,
            const char  *sex,
            guint        age,
            GError     **error)
{
  g_autoptr(EscalePerson) person = escale_person_new ();
  DemoMember member = { 0, role };
  gboolean born_here;

  escale_person_set (person, ESCALE_FIELD_SEX, sex);
  set_names (demo, unit, person, role);
  born_here = set_birth (demo, unit, person, age);
  set_languages (demo, unit, person, age);
  set_contact (demo, unit, person, age);
  set_follow_up (demo, unit, person, born_here);
  set_status (unit, person, age < 18);
  if (!set_file_number (demo, person, error) ||
      !escale_store_save_person (demo->store, person, error))
    return FALSE;
  member.id = escale_person_get_id (person);
  g_array_append_val (unit->members, member);
  return TRUE;
}

static const char *
pick_sex (Demo *demo)
{
  guint n = pick (demo, 200);

  return n < 1 ? "X" : n < 118 ? "M" : "F";
}

static gboolean
add_household (Demo      *demo,
               DemoUnit  *unit,
               GError   **error)
{
  gint64 head = g_array_index (unit->members, DemoMember, 0).id;

  for (guint i = 1; i < unit->members->len; i++)
    {
      DemoMember *member = &g_array_index (unit->members, DemoMember, i);

      if (!escale_store_household_add (demo->store, head, member->id, member->role, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes one person alone or one family of at most @room people. */
static gboolean
add_unit (Demo     *demo,
          guint     room,
          guint    *added,
          GError  **error)
{
  DemoUnit unit = { 0 };
  guint kind = pick (demo, 100);
  gboolean family = kind >= 70 && room > 1;
  const char *head_sex = pick_sex (demo);
  guint n_children = family ? pick (demo, 4) : 0;
  gboolean partner = family && (chance (demo, 75) || n_children == 0);
  gboolean ok;

  unit_init (demo, &unit, kind < 4);
  ok = add_member (demo, &unit, family ? "head" : NULL, head_sex, unit.head_age, error);
  if (ok && partner)
    ok = add_member (demo, &unit, "partner", g_str_equal (head_sex, "F") ? "M" : "F",
                     pick_partner_age (demo, unit.head_age), error);
  for (guint i = 0; ok && i < n_children && unit.members->len < room; i++)
    ok = add_member (demo, &unit, "child", pick (demo, 2) ? "M" : "F",
                     pick (demo, MIN (18, unit.head_age - 17)), error);
  ok = ok && add_household (demo, &unit, error);
  *added = unit.members->len;
  unit_clear (&unit);
  return ok;
}

static gboolean
write_people (Demo                *demo,
              guint                n_people,
              EscaleDemoProgress   progress,
              gpointer             user_data,
              GCancellable        *cancellable,
              GError             **error)
{
  guint done = 0;

  while (done < n_people)
    {
      guint added = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !add_unit (demo, n_people - done, &added, error))
        return FALSE;
      done += added;
      if (progress != NULL && (done % 500 < added || done == n_people))
        progress (done, n_people, user_data);
    }
  return TRUE;
}

/**
 * escale_demo_generate_full:
 * @n_people: how many people to add
 * @seed: the same seed gives the same people (on the same day)
 * @progress: (nullable): called every few hundred people
 * @cancellable: (nullable): stops the generation; nothing is then written
 *
 * Adds @n_people realistic people to @store, in one transaction.
 */
gboolean
escale_demo_generate_full (EscaleStore         *store,
                           guint                n_people,
                           guint32              seed,
                           EscaleDemoProgress   progress,
                           gpointer             user_data,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autofree char *today = escale_date_today ();
  Demo demo = { store, g_rand_new_with_seed (seed), julian_of (today) };
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  /* One audit entry for them all. */
  escale_audit_set_paused (store, TRUE);
  ok = escale_store_require (store, ESCALE_OP_IMPORT, error) &&
       escale_store_begin_batch (store, error);
  if (ok)
    {
      g_autofree char *summary = g_strdup_printf ("demo data: %u people", n_people);

      ok = write_people (&demo, n_people, progress, user_data, cancellable, error) &&
           escale_audit_record (store, "import", "person", 0, summary, error) &&
           escale_store_commit (store, error);
      if (!ok)
        escale_store_rollback (store);
    }
  escale_audit_set_paused (store, FALSE);
  g_rand_free (demo.rand);
  return ok;
}

gboolean
escale_demo_generate (EscaleStore  *store,
                      guint         n_people,
                      guint32       seed,
                      GError      **error)
{
  return escale_demo_generate_full (store, n_people, seed, NULL, NULL, NULL, error);
}
