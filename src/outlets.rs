//! Knowledge about news outlets, platforms and institutions: their names, their web hosts and
//! their common abbreviations. Used to name the outlet behind a link and to recognise a named
//! source in running text ("Reuters reported", "on Twitter").

/// (host suffix, display name). A host matches when it equals the suffix or ends with
/// `.suffix`; the longest matching suffix wins. Built from general knowledge of the world's
/// notable news outlets, wire services, platforms, governments, intergovernmental bodies, think
/// tanks and academic publishers. A suffix written `=host` matches that host only (the main site of a
/// government whose domain is also a public suffix, as `gov.uk`).
const MEDIA_HOSTS: &[(&str, &str)] = &[
    // Wire services and news agencies.
    ("apnews.com", "Associated Press"),
    ("ap.org", "Associated Press"),
    ("reuters.com", "Reuters"),
    ("afp.com", "Agence France-Presse"),
    ("france24.com", "France 24"),
    ("upi.com", "United Press International"),
    ("efe.com", "EFE"),
    ("ansa.it", "ANSA"),
    ("dpa.com", "Deutsche Presse-Agentur"),
    ("tass.com", "TASS"),
    ("tass.ru", "TASS"),
    ("ria.ru", "RIA Novosti"),
    ("interfax.ru", "Interfax"),
    ("interfax.com", "Interfax"),
    ("xinhuanet.com", "Xinhua"),
    ("news.cn", "Xinhua"),
    ("kyodonews.net", "Kyodo News"),
    ("yna.co.kr", "Yonhap"),
    ("yonhapnews.co.kr", "Yonhap"),
    ("aa.com.tr", "Anadolu Agency"),
    ("ptinews.com", "Press Trust of India"),
    ("aap.com.au", "Australian Associated Press"),
    ("bernama.com", "Bernama"),
    ("antaranews.com", "Antara"),
    ("pap.pl", "Polish Press Agency"),
    ("ukrinform.net", "Ukrinform"),
    ("ukrinform.ua", "Ukrinform"),
    ("irna.ir", "IRNA"),
    ("wafa.ps", "WAFA"),
    ("spa.gov.sa", "Saudi Press Agency"),
    ("wam.ae", "Emirates News Agency"),
    // Broadcasters.
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("cnn.com", "CNN"),
    ("nbcnews.com", "NBC News"),
    ("msnbc.com", "MSNBC"),
    ("cbsnews.com", "CBS News"),
    ("abcnews.go.com", "ABC News"),
    ("abcnews.com", "ABC News"),
    ("foxnews.com", "Fox News"),
    ("foxbusiness.com", "Fox Business"),
    ("cnbc.com", "CNBC"),
    ("npr.org", "NPR"),
    ("pbs.org", "PBS"),
    ("c-span.org", "C-SPAN"),
    ("voanews.com", "Voice of America"),
    ("rferl.org", "Radio Free Europe/Radio Liberty"),
    ("rfa.org", "Radio Free Asia"),
    ("abc.net.au", "ABC News (Australia)"),
    ("sbs.com.au", "SBS"),
    ("9news.com.au", "Nine News"),
    ("cbc.ca", "CBC"),
    ("ctvnews.ca", "CTV News"),
    ("globalnews.ca", "Global News"),
    ("rnz.co.nz", "RNZ"),
    ("tvnz.co.nz", "TVNZ"),
    ("skynews.com", "Sky News"),
    ("news.sky.com", "Sky News"),
    ("itv.com", "ITV"),
    ("channel4.com", "Channel 4"),
    ("rte.ie", "RTÉ"),
    ("dw.com", "Deutsche Welle"),
    ("dw.de", "Deutsche Welle"),
    ("tagesschau.de", "Tagesschau"),
    ("zdf.de", "ZDF"),
    ("ard.de", "ARD"),
    ("francetvinfo.fr", "France Info"),
    ("radiofrance.fr", "Radio France"),
    ("rfi.fr", "RFI"),
    ("euronews.com", "Euronews"),
    ("rai.it", "RAI"),
    ("rtve.es", "RTVE"),
    ("nos.nl", "NOS"),
    ("svt.se", "SVT"),
    ("sverigesradio.se", "Sveriges Radio"),
    ("nrk.no", "NRK"),
    ("dr.dk", "DR"),
    ("yle.fi", "Yle"),
    ("orf.at", "ORF"),
    ("srf.ch", "SRF"),
    ("swissinfo.ch", "Swissinfo"),
    ("rt.com", "RT"),
    ("tvn24.pl", "TVN24"),
    ("aljazeera.com", "Al Jazeera"),
    ("aljazeera.net", "Al Jazeera"),
    ("alarabiya.net", "Al Arabiya"),
    ("trtworld.com", "TRT World"),
    ("cgtn.com", "CGTN"),
    ("nhk.or.jp", "NHK"),
    ("kbs.co.kr", "KBS"),
    ("arirang.com", "Arirang"),
    ("channelnewsasia.com", "CNA"),
    ("ndtv.com", "NDTV"),
    ("i24news.tv", "i24NEWS"),
    ("africanews.com", "Africanews"),
    ("sabc.co.za", "SABC"),
    ("globo.com", "Globo"),
    // Newspapers and magazines: North America.
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("wsj.com", "The Wall Street Journal"),
    ("latimes.com", "Los Angeles Times"),
    ("usatoday.com", "USA Today"),
    ("chicagotribune.com", "Chicago Tribune"),
    ("bostonglobe.com", "The Boston Globe"),
    ("sfchronicle.com", "San Francisco Chronicle"),
    ("nypost.com", "New York Post"),
    ("nydailynews.com", "New York Daily News"),
    ("miamiherald.com", "Miami Herald"),
    ("seattletimes.com", "The Seattle Times"),
    ("dallasnews.com", "The Dallas Morning News"),
    ("houstonchronicle.com", "Houston Chronicle"),
    ("inquirer.com", "The Philadelphia Inquirer"),
    ("ajc.com", "The Atlanta Journal-Constitution"),
    ("startribune.com", "Star Tribune"),
    ("denverpost.com", "The Denver Post"),
    ("tampabay.com", "Tampa Bay Times"),
    ("washingtontimes.com", "The Washington Times"),
    ("csmonitor.com", "The Christian Science Monitor"),
    ("theatlantic.com", "The Atlantic"),
    ("newyorker.com", "The New Yorker"),
    ("time.com", "Time"),
    ("newsweek.com", "Newsweek"),
    ("theweek.com", "The Week"),
    ("nationalreview.com", "National Review"),
    ("newrepublic.com", "The New Republic"),
    ("thenation.com", "The Nation"),
    ("motherjones.com", "Mother Jones"),
    ("reason.com", "Reason"),
    ("slate.com", "Slate"),
    ("salon.com", "Salon"),
    ("vox.com", "Vox"),
    ("axios.com", "Axios"),
    ("politico.com", "Politico"),
    ("politico.eu", "Politico"),
    ("thehill.com", "The Hill"),
    ("rollcall.com", "Roll Call"),
    ("propublica.org", "ProPublica"),
    ("theintercept.com", "The Intercept"),
    ("huffpost.com", "HuffPost"),
    ("huffingtonpost.com", "HuffPost"),
    ("buzzfeednews.com", "BuzzFeed News"),
    ("buzzfeed.com", "BuzzFeed"),
    ("vice.com", "Vice"),
    ("businessinsider.com", "Business Insider"),
    ("insider.com", "Business Insider"),
    ("bloomberg.com", "Bloomberg"),
    ("forbes.com", "Forbes"),
    ("fortune.com", "Fortune"),
    ("marketwatch.com", "MarketWatch"),
    ("barrons.com", "Barron's"),
    ("fastcompany.com", "Fast Company"),
    ("wired.com", "Wired"),
    ("theverge.com", "The Verge"),
    ("techcrunch.com", "TechCrunch"),
    ("arstechnica.com", "Ars Technica"),
    ("scientificamerican.com", "Scientific American"),
    ("nationalgeographic.com", "National Geographic"),
    ("foreignpolicy.com", "Foreign Policy"),
    ("foreignaffairs.com", "Foreign Affairs"),
    ("thediplomat.com", "The Diplomat"),
    ("breitbart.com", "Breitbart News"),
    ("dailywire.com", "The Daily Wire"),
    ("dailycaller.com", "The Daily Caller"),
    ("washingtonexaminer.com", "Washington Examiner"),
    ("theblaze.com", "TheBlaze"),
    ("newsmax.com", "Newsmax"),
    ("realclearpolitics.com", "RealClearPolitics"),
    ("fivethirtyeight.com", "FiveThirtyEight"),
    ("thedailybeast.com", "The Daily Beast"),
    ("semafor.com", "Semafor"),
    ("theglobeandmail.com", "The Globe and Mail"),
    ("thestar.com", "Toronto Star"),
    ("nationalpost.com", "National Post"),
    ("macleans.ca", "Maclean's"),
    // Newspapers and magazines: Britain and Ireland.
    ("theguardian.com", "The Guardian"),
    ("guardian.co.uk", "The Guardian"),
    ("telegraph.co.uk", "The Daily Telegraph"),
    ("thetimes.co.uk", "The Times"),
    ("thetimes.com", "The Times"),
    ("ft.com", "Financial Times"),
    ("economist.com", "The Economist"),
    ("independent.co.uk", "The Independent"),
    ("dailymail.co.uk", "Daily Mail"),
    ("mirror.co.uk", "Daily Mirror"),
    ("thesun.co.uk", "The Sun"),
    ("express.co.uk", "Daily Express"),
    ("standard.co.uk", "Evening Standard"),
    ("spectator.co.uk", "The Spectator"),
    ("newstatesman.com", "New Statesman"),
    ("prospectmagazine.co.uk", "Prospect"),
    ("irishtimes.com", "The Irish Times"),
    ("independent.ie", "Irish Independent"),
    ("scotsman.com", "The Scotsman"),
    ("heraldscotland.com", "The Herald"),
    ("opendemocracy.net", "openDemocracy"),
    // Newspapers and magazines: Europe.
    ("lemonde.fr", "Le Monde"),
    ("mondediplo.com", "Le Monde diplomatique"),
    ("monde-diplomatique.fr", "Le Monde diplomatique"),
    ("lefigaro.fr", "Le Figaro"),
    ("liberation.fr", "Libération"),
    ("lesechos.fr", "Les Échos"),
    ("leparisien.fr", "Le Parisien"),
    ("lexpress.fr", "L'Express"),
    ("lepoint.fr", "Le Point"),
    ("spiegel.de", "Der Spiegel"),
    ("zeit.de", "Die Zeit"),
    ("faz.net", "Frankfurter Allgemeine Zeitung"),
    ("sueddeutsche.de", "Süddeutsche Zeitung"),
    ("welt.de", "Die Welt"),
    ("bild.de", "Bild"),
    ("handelsblatt.com", "Handelsblatt"),
    ("taz.de", "Die Tageszeitung"),
    ("focus.de", "Focus"),
    ("stern.de", "Stern"),
    ("nzz.ch", "Neue Zürcher Zeitung"),
    ("tagesanzeiger.ch", "Tages-Anzeiger"),
    ("derstandard.at", "Der Standard"),
    ("diepresse.com", "Die Presse"),
    ("elpais.com", "El País"),
    ("elmundo.es", "El Mundo"),
    ("abc.es", "ABC (Spain)"),
    ("lavanguardia.com", "La Vanguardia"),
    ("corriere.it", "Corriere della Sera"),
    ("repubblica.it", "La Repubblica"),
    ("lastampa.it", "La Stampa"),
    ("ilsole24ore.com", "Il Sole 24 Ore"),
    ("publico.pt", "Público"),
    ("nrc.nl", "NRC"),
    ("volkskrant.nl", "de Volkskrant"),
    ("telegraaf.nl", "De Telegraaf"),
    ("lesoir.be", "Le Soir"),
    ("standaard.be", "De Standaard"),
    ("dn.se", "Dagens Nyheter"),
    ("svd.se", "Svenska Dagbladet"),
    ("aftenposten.no", "Aftenposten"),
    ("politiken.dk", "Politiken"),
    ("hs.fi", "Helsingin Sanomat"),
    ("wyborcza.pl", "Gazeta Wyborcza"),
    ("rp.pl", "Rzeczpospolita"),
    ("kathimerini.gr", "Kathimerini"),
    ("ekathimerini.com", "Kathimerini"),
    ("hurriyetdailynews.com", "Hürriyet Daily News"),
    ("hurriyet.com.tr", "Hürriyet"),
    ("dailysabah.com", "Daily Sabah"),
    ("kommersant.ru", "Kommersant"),
    ("vedomosti.ru", "Vedomosti"),
    ("izvestia.ru", "Izvestia"),
    ("novayagazeta.ru", "Novaya Gazeta"),
    ("meduza.io", "Meduza"),
    ("themoscowtimes.com", "The Moscow Times"),
    ("rbc.ru", "RBC"),
    ("gazeta.ru", "Gazeta.ru"),
    ("lenta.ru", "Lenta.ru"),
    ("kyivindependent.com", "The Kyiv Independent"),
    ("kyivpost.com", "Kyiv Post"),
    ("pravda.com.ua", "Ukrainska Pravda"),
    ("thelocal.de", "The Local"),
    ("thelocal.fr", "The Local"),
    ("thelocal.se", "The Local"),
    ("thelocal.it", "The Local"),
    ("thelocal.es", "The Local"),
    ("thelocal.ch", "The Local"),
    ("thelocal.at", "The Local"),
    ("thelocal.no", "The Local"),
    ("thelocal.dk", "The Local"),
    ("euobserver.com", "EUobserver"),
    ("euractiv.com", "Euractiv"),
    // Newspapers and magazines: rest of the world.
    ("haaretz.com", "Haaretz"),
    ("timesofisrael.com", "The Times of Israel"),
    ("jpost.com", "The Jerusalem Post"),
    ("ynetnews.com", "Ynet"),
    ("arabnews.com", "Arab News"),
    ("thenationalnews.com", "The National"),
    ("gulfnews.com", "Gulf News"),
    ("ahram.org.eg", "Al-Ahram"),
    ("dawn.com", "Dawn"),
    ("thehindu.com", "The Hindu"),
    ("hindustantimes.com", "Hindustan Times"),
    ("timesofindia.indiatimes.com", "The Times of India"),
    ("indiatimes.com", "The Times of India"),
    ("indianexpress.com", "The Indian Express"),
    ("scmp.com", "South China Morning Post"),
    ("globaltimes.cn", "Global Times"),
    ("chinadaily.com.cn", "China Daily"),
    ("people.com.cn", "People's Daily"),
    ("caixinglobal.com", "Caixin"),
    ("taipeitimes.com", "Taipei Times"),
    ("japantimes.co.jp", "The Japan Times"),
    ("asahi.com", "Asahi Shimbun"),
    ("mainichi.jp", "Mainichi Shimbun"),
    ("yomiuri.co.jp", "Yomiuri Shimbun"),
    ("nikkei.com", "Nikkei"),
    ("asia.nikkei.com", "Nikkei Asia"),
    ("koreaherald.com", "The Korea Herald"),
    ("koreatimes.co.kr", "The Korea Times"),
    ("joongang.co.kr", "JoongAng Ilbo"),
    ("straitstimes.com", "The Straits Times"),
    ("bangkokpost.com", "Bangkok Post"),
    ("rappler.com", "Rappler"),
    ("inquirer.net", "Philippine Daily Inquirer"),
    ("thejakartapost.com", "The Jakarta Post"),
    ("smh.com.au", "The Sydney Morning Herald"),
    ("theage.com.au", "The Age"),
    ("theaustralian.com.au", "The Australian"),
    ("afr.com", "Australian Financial Review"),
    ("news.com.au", "News.com.au"),
    ("crikey.com.au", "Crikey"),
    ("nzherald.co.nz", "The New Zealand Herald"),
    ("stuff.co.nz", "Stuff"),
    ("mg.co.za", "Mail & Guardian"),
    ("news24.com", "News24"),
    ("dailymaverick.co.za", "Daily Maverick"),
    ("nation.africa", "Nation"),
    ("premiumtimesng.com", "Premium Times"),
    ("punchng.com", "The Punch"),
    ("theafricareport.com", "The Africa Report"),
    ("clarin.com", "Clarín"),
    ("lanacion.com.ar", "La Nación"),
    ("pagina12.com.ar", "Página/12"),
    ("folha.uol.com.br", "Folha de S.Paulo"),
    ("estadao.com.br", "O Estado de S. Paulo"),
    ("eluniversal.com.mx", "El Universal"),
    ("jornada.com.mx", "La Jornada"),
    ("reforma.com", "Reforma"),
    ("eltiempo.com", "El Tiempo"),
    ("elmercurio.com", "El Mercurio"),
    ("latercera.com", "La Tercera"),
    ("theconversation.com", "The Conversation"),
    ("globalvoices.org", "Global Voices"),
    ("globalvoicesonline.org", "Global Voices"),
    ("wikinews.org", "Wikinews"),
    // Platforms and social media.
    ("twitter.com", "Twitter"),
    ("x.com", "X"),
    ("facebook.com", "Facebook"),
    ("fb.com", "Facebook"),
    ("instagram.com", "Instagram"),
    ("threads.net", "Threads"),
    ("bsky.app", "Bluesky"),
    ("linkedin.com", "LinkedIn"),
    ("youtube.com", "YouTube"),
    ("youtu.be", "YouTube"),
    ("vimeo.com", "Vimeo"),
    ("tiktok.com", "TikTok"),
    ("reddit.com", "Reddit"),
    ("t.me", "Telegram"),
    ("telegram.org", "Telegram"),
    ("truthsocial.com", "Truth Social"),
    ("gab.com", "Gab"),
    ("rumble.com", "Rumble"),
    ("vk.com", "VKontakte"),
    ("ok.ru", "Odnoklassniki"),
    ("weibo.com", "Weibo"),
    ("flickr.com", "Flickr"),
    ("soundcloud.com", "SoundCloud"),
    ("medium.com", "Medium"),
    ("substack.com", "Substack"),
    ("tumblr.com", "Tumblr"),
    ("blogspot.com", "Blogger"),
    ("blogger.com", "Blogger"),
    ("wordpress.com", "WordPress.com"),
    ("livejournal.com", "LiveJournal"),
    ("typepad.com", "Typepad"),
    ("github.com", "GitHub"),
    ("github.io", "GitHub Pages"),
    ("archive.org", "Internet Archive"),
    ("wikipedia.org", "Wikipedia"),
    ("wikimedia.org", "Wikimedia"),
    ("wiktionary.org", "Wiktionary"),
    ("britannica.com", "Encyclopaedia Britannica"),
    ("creativecommons.org", "Creative Commons"),
    ("documentcloud.org", "DocumentCloud"),
    ("scribd.com", "Scribd"),
    ("courtlistener.com", "CourtListener"),
    ("change.org", "Change.org"),
    ("google.com", "Google"),
    ("apple.com", "Apple"),
    ("microsoft.com", "Microsoft"),
    ("amazon.com", "Amazon"),
    ("openai.com", "OpenAI"),
];

/// Governments, intergovernmental bodies, NGOs, think tanks, journals and publishers, as
/// [`MEDIA_HOSTS`].
const INSTITUTION_HOSTS: &[(&str, &str)] = &[
    // U.S. federal government.
    ("crsreports.congress.gov", "Congressional Research Service"),
    ("whitehouse.gov", "The White House"),
    ("state.gov", "U.S. Department of State"),
    ("defense.gov", "U.S. Department of Defense"),
    ("war.gov", "U.S. Department of War"),
    ("army.mil", "U.S. Army"),
    ("navy.mil", "U.S. Navy"),
    ("af.mil", "U.S. Air Force"),
    ("marines.mil", "U.S. Marine Corps"),
    ("spaceforce.mil", "U.S. Space Force"),
    ("dia.mil", "Defense Intelligence Agency"),
    ("darpa.mil", "DARPA"),
    ("treasury.gov", "U.S. Department of the Treasury"),
    ("irs.gov", "Internal Revenue Service"),
    ("justice.gov", "U.S. Department of Justice"),
    ("fbi.gov", "Federal Bureau of Investigation"),
    ("dhs.gov", "U.S. Department of Homeland Security"),
    (
        "cisa.gov",
        "Cybersecurity and Infrastructure Security Agency",
    ),
    ("fema.gov", "Federal Emergency Management Agency"),
    ("uscis.gov", "U.S. Citizenship and Immigration Services"),
    ("ice.gov", "U.S. Immigration and Customs Enforcement"),
    ("cbp.gov", "U.S. Customs and Border Protection"),
    ("commerce.gov", "U.S. Department of Commerce"),
    ("census.gov", "U.S. Census Bureau"),
    ("bea.gov", "Bureau of Economic Analysis"),
    (
        "noaa.gov",
        "National Oceanic and Atmospheric Administration",
    ),
    ("nist.gov", "National Institute of Standards and Technology"),
    ("uspto.gov", "U.S. Patent and Trademark Office"),
    ("labor.gov", "U.S. Department of Labor"),
    ("dol.gov", "U.S. Department of Labor"),
    ("bls.gov", "Bureau of Labor Statistics"),
    ("energy.gov", "U.S. Department of Energy"),
    ("eia.gov", "U.S. Energy Information Administration"),
    ("ed.gov", "U.S. Department of Education"),
    ("hhs.gov", "U.S. Department of Health and Human Services"),
    ("cdc.gov", "Centers for Disease Control and Prevention"),
    ("nih.gov", "National Institutes of Health"),
    ("fda.gov", "U.S. Food and Drug Administration"),
    ("cms.gov", "Centers for Medicare & Medicaid Services"),
    ("usda.gov", "U.S. Department of Agriculture"),
    ("interior.gov", "U.S. Department of the Interior"),
    ("doi.gov", "U.S. Department of the Interior"),
    ("nps.gov", "National Park Service"),
    ("usgs.gov", "U.S. Geological Survey"),
    ("transportation.gov", "U.S. Department of Transportation"),
    ("dot.gov", "U.S. Department of Transportation"),
    ("faa.gov", "Federal Aviation Administration"),
    (
        "hud.gov",
        "U.S. Department of Housing and Urban Development",
    ),
    ("va.gov", "U.S. Department of Veterans Affairs"),
    ("epa.gov", "U.S. Environmental Protection Agency"),
    ("nasa.gov", "NASA"),
    ("nsf.gov", "National Science Foundation"),
    ("sec.gov", "U.S. Securities and Exchange Commission"),
    ("cftc.gov", "Commodity Futures Trading Commission"),
    ("ftc.gov", "Federal Trade Commission"),
    ("fcc.gov", "Federal Communications Commission"),
    ("fdic.gov", "Federal Deposit Insurance Corporation"),
    (
        "consumerfinance.gov",
        "Consumer Financial Protection Bureau",
    ),
    (
        "federalreserve.gov",
        "Board of Governors of the Federal Reserve System",
    ),
    ("newyorkfed.org", "Federal Reserve Bank of New York"),
    ("bostonfed.org", "Federal Reserve Bank of Boston"),
    (
        "philadelphiafed.org",
        "Federal Reserve Bank of Philadelphia",
    ),
    ("clevelandfed.org", "Federal Reserve Bank of Cleveland"),
    ("richmondfed.org", "Federal Reserve Bank of Richmond"),
    ("atlantafed.org", "Federal Reserve Bank of Atlanta"),
    ("frbatlanta.org", "Federal Reserve Bank of Atlanta"),
    ("chicagofed.org", "Federal Reserve Bank of Chicago"),
    ("stlouisfed.org", "Federal Reserve Bank of St. Louis"),
    ("minneapolisfed.org", "Federal Reserve Bank of Minneapolis"),
    ("kansascityfed.org", "Federal Reserve Bank of Kansas City"),
    ("dallasfed.org", "Federal Reserve Bank of Dallas"),
    ("frbsf.org", "Federal Reserve Bank of San Francisco"),
    ("congress.gov", "U.S. Congress"),
    ("house.gov", "U.S. House of Representatives"),
    ("senate.gov", "U.S. Senate"),
    ("gao.gov", "Government Accountability Office"),
    ("cbo.gov", "Congressional Budget Office"),
    ("loc.gov", "Library of Congress"),
    ("govinfo.gov", "U.S. Government Publishing Office"),
    ("gpo.gov", "U.S. Government Publishing Office"),
    ("federalregister.gov", "Federal Register"),
    ("regulations.gov", "Regulations.gov"),
    ("archives.gov", "National Archives"),
    ("supremecourt.gov", "Supreme Court of the United States"),
    ("uscourts.gov", "U.S. Courts"),
    ("usaid.gov", "USAID"),
    ("ustr.gov", "Office of the U.S. Trade Representative"),
    ("usitc.gov", "U.S. International Trade Commission"),
    ("dni.gov", "Office of the Director of National Intelligence"),
    ("cia.gov", "Central Intelligence Agency"),
    ("nsa.gov", "National Security Agency"),
    ("opm.gov", "Office of Personnel Management"),
    ("ssa.gov", "Social Security Administration"),
    ("usa.gov", "USA.gov"),
    ("data.gov", "Data.gov"),
    ("presidency.ucsb.edu", "The American Presidency Project"),
    // Other governments, parliaments and central banks.
    ("=gov.uk", "UK Government"),
    ("parliament.uk", "UK Parliament"),
    ("bankofengland.co.uk", "Bank of England"),
    ("ons.gov.uk", "Office for National Statistics"),
    ("nhs.uk", "NHS"),
    ("canada.ca", "Government of Canada"),
    ("gc.ca", "Government of Canada"),
    ("parl.ca", "Parliament of Canada"),
    ("bankofcanada.ca", "Bank of Canada"),
    ("australia.gov.au", "Australian Government"),
    ("pm.gov.au", "Prime Minister of Australia"),
    ("aph.gov.au", "Parliament of Australia"),
    (
        "dfat.gov.au",
        "Department of Foreign Affairs and Trade (Australia)",
    ),
    ("abs.gov.au", "Australian Bureau of Statistics"),
    ("rba.gov.au", "Reserve Bank of Australia"),
    (
        "legislation.gov.au",
        "Federal Register of Legislation (Australia)",
    ),
    ("=govt.nz", "New Zealand Government"),
    ("parliament.nz", "New Zealand Parliament"),
    ("gov.ie", "Government of Ireland"),
    ("oireachtas.ie", "Houses of the Oireachtas"),
    ("elysee.fr", "Élysée"),
    ("gouvernement.fr", "French Government"),
    (
        "diplomatie.gouv.fr",
        "French Ministry for Europe and Foreign Affairs",
    ),
    ("assemblee-nationale.fr", "National Assembly (France)"),
    ("banque-france.fr", "Banque de France"),
    ("bundesregierung.de", "Federal Government of Germany"),
    ("bundestag.de", "Bundestag"),
    ("auswaertiges-amt.de", "German Federal Foreign Office"),
    ("bundesbank.de", "Deutsche Bundesbank"),
    ("destatis.de", "Federal Statistical Office of Germany"),
    ("governo.it", "Italian Government"),
    ("lamoncloa.gob.es", "Government of Spain"),
    ("government.nl", "Government of the Netherlands"),
    ("rijksoverheid.nl", "Government of the Netherlands"),
    ("admin.ch", "Swiss Federal Administration"),
    ("regeringen.se", "Government of Sweden"),
    ("regjeringen.no", "Government of Norway"),
    ("=gov.pl", "Government of Poland"),
    ("kormany.hu", "Government of Hungary"),
    ("president.gov.ua", "President of Ukraine"),
    ("mfa.gov.ua", "Ministry of Foreign Affairs of Ukraine"),
    ("kremlin.ru", "President of Russia"),
    ("mid.ru", "Ministry of Foreign Affairs of Russia"),
    ("government.ru", "Government of Russia"),
    ("duma.gov.ru", "State Duma"),
    ("=gov.cn", "Government of China"),
    ("fmprc.gov.cn", "Ministry of Foreign Affairs of China"),
    ("mofa.go.jp", "Ministry of Foreign Affairs of Japan"),
    ("kantei.go.jp", "Prime Minister's Office of Japan"),
    ("boj.or.jp", "Bank of Japan"),
    ("korea.kr", "Government of South Korea"),
    ("=gov.in", "Government of India"),
    ("mea.gov.in", "Ministry of External Affairs (India)"),
    ("rbi.org.in", "Reserve Bank of India"),
    ("=gov.il", "Government of Israel"),
    ("knesset.gov.il", "Knesset"),
    ("=gov.za", "Government of South Africa"),
    ("=gov.br", "Government of Brazil"),
    ("planalto.gov.br", "Presidency of Brazil"),
    ("casarosada.gob.ar", "Presidency of Argentina"),
    ("argentina.gob.ar", "Government of Argentina"),
    ("csjn.gov.ar", "Supreme Court of Argentina"),
    ("=gob.mx", "Government of Mexico"),
    ("tccb.gov.tr", "Presidency of Turkey"),
    ("mfa.gov.tr", "Ministry of Foreign Affairs of Turkey"),
    // Intergovernmental bodies and courts.
    ("un.org", "United Nations"),
    (
        "ohchr.org",
        "Office of the UN High Commissioner for Human Rights",
    ),
    ("unhcr.org", "UNHCR"),
    ("unicef.org", "UNICEF"),
    ("undp.org", "United Nations Development Programme"),
    ("unep.org", "United Nations Environment Programme"),
    ("unesco.org", "UNESCO"),
    ("unodc.org", "United Nations Office on Drugs and Crime"),
    ("unfccc.int", "UNFCCC"),
    ("ipcc.ch", "Intergovernmental Panel on Climate Change"),
    ("wfp.org", "World Food Programme"),
    ("fao.org", "Food and Agriculture Organization"),
    ("ilo.org", "International Labour Organization"),
    ("iom.int", "International Organization for Migration"),
    ("who.int", "World Health Organization"),
    ("wto.org", "World Trade Organization"),
    ("imf.org", "International Monetary Fund"),
    ("worldbank.org", "World Bank"),
    ("oecd.org", "OECD"),
    ("bis.org", "Bank for International Settlements"),
    ("iaea.org", "International Atomic Energy Agency"),
    ("opcw.org", "OPCW"),
    ("icj-cij.org", "International Court of Justice"),
    ("icc-cpi.int", "International Criminal Court"),
    ("nato.int", "NATO"),
    ("europa.eu", "European Union"),
    ("ec.europa.eu", "European Commission"),
    ("europarl.europa.eu", "European Parliament"),
    ("consilium.europa.eu", "Council of the European Union"),
    ("ecb.europa.eu", "European Central Bank"),
    ("curia.europa.eu", "Court of Justice of the European Union"),
    ("eurostat.ec.europa.eu", "Eurostat"),
    ("coe.int", "Council of Europe"),
    ("echr.coe.int", "European Court of Human Rights"),
    ("osce.org", "OSCE"),
    ("au.int", "African Union"),
    ("asean.org", "ASEAN"),
    ("oas.org", "Organization of American States"),
    ("g20.org", "G20"),
    ("icrc.org", "International Committee of the Red Cross"),
    ("ifrc.org", "IFRC"),
    // NGOs, think tanks and research institutes.
    ("amnesty.org", "Amnesty International"),
    ("hrw.org", "Human Rights Watch"),
    ("transparency.org", "Transparency International"),
    ("rsf.org", "Reporters Without Borders"),
    ("cpj.org", "Committee to Protect Journalists"),
    ("freedomhouse.org", "Freedom House"),
    ("msf.org", "Médecins Sans Frontières"),
    ("oxfam.org", "Oxfam"),
    ("greenpeace.org", "Greenpeace"),
    ("aclu.org", "American Civil Liberties Union"),
    ("eff.org", "Electronic Frontier Foundation"),
    ("splcenter.org", "Southern Poverty Law Center"),
    ("adl.org", "Anti-Defamation League"),
    ("brookings.edu", "Brookings Institution"),
    ("rand.org", "RAND Corporation"),
    ("csis.org", "Center for Strategic and International Studies"),
    ("cfr.org", "Council on Foreign Relations"),
    (
        "carnegieendowment.org",
        "Carnegie Endowment for International Peace",
    ),
    ("heritage.org", "Heritage Foundation"),
    ("aei.org", "American Enterprise Institute"),
    ("cato.org", "Cato Institute"),
    ("hoover.org", "Hoover Institution"),
    ("urban.org", "Urban Institute"),
    ("americanprogress.org", "Center for American Progress"),
    ("newamerica.org", "New America"),
    ("atlanticcouncil.org", "Atlantic Council"),
    ("wilsoncenter.org", "Wilson Center"),
    ("stimson.org", "Stimson Center"),
    ("cnas.org", "Center for a New American Security"),
    ("hudson.org", "Hudson Institute"),
    ("piie.com", "Peterson Institute for International Economics"),
    ("epi.org", "Economic Policy Institute"),
    ("taxpolicycenter.org", "Tax Policy Center"),
    ("cbpp.org", "Center on Budget and Policy Priorities"),
    ("kff.org", "KFF"),
    ("pewresearch.org", "Pew Research Center"),
    ("gallup.com", "Gallup"),
    ("yougov.com", "YouGov"),
    ("ipsos.com", "Ipsos"),
    ("iiss.org", "International Institute for Strategic Studies"),
    ("chathamhouse.org", "Chatham House"),
    ("rusi.org", "Royal United Services Institute"),
    ("ifs.org.uk", "Institute for Fiscal Studies"),
    ("ecfr.eu", "European Council on Foreign Relations"),
    ("bruegel.org", "Bruegel"),
    ("ceps.eu", "Centre for European Policy Studies"),
    (
        "swp-berlin.org",
        "German Institute for International and Security Affairs",
    ),
    (
        "sipri.org",
        "Stockholm International Peace Research Institute",
    ),
    ("crisisgroup.org", "International Crisis Group"),
    ("lowyinstitute.org", "Lowy Institute"),
    ("aspi.org.au", "Australian Strategic Policy Institute"),
    ("grattan.edu.au", "Grattan Institute"),
    ("belfercenter.org", "Belfer Center"),
    ("thebulletin.org", "Bulletin of the Atomic Scientists"),
    ("armscontrol.org", "Arms Control Association"),
    ("understandingwar.org", "Institute for the Study of War"),
    ("acleddata.com", "ACLED"),
    ("ourworldindata.org", "Our World in Data"),
    ("statista.com", "Statista"),
    ("nber.org", "National Bureau of Economic Research"),
    ("cepr.org", "Centre for Economic Policy Research"),
    ("ssrn.com", "SSRN"),
    ("arxiv.org", "arXiv"),
    ("biorxiv.org", "bioRxiv"),
    ("medrxiv.org", "medRxiv"),
    ("repec.org", "RePEc"),
    ("jstor.org", "JSTOR"),
    ("pubmed.ncbi.nlm.nih.gov", "PubMed"),
    (
        "ncbi.nlm.nih.gov",
        "National Center for Biotechnology Information",
    ),
    ("scholar.google.com", "Google Scholar"),
    ("researchgate.net", "ResearchGate"),
    ("academia.edu", "Academia.edu"),
    // Journals and academic publishers.
    ("nature.com", "Nature"),
    ("science.org", "Science"),
    ("sciencemag.org", "Science"),
    ("cell.com", "Cell Press"),
    ("thelancet.com", "The Lancet"),
    ("nejm.org", "The New England Journal of Medicine"),
    ("bmj.com", "The BMJ"),
    ("jamanetwork.com", "JAMA Network"),
    ("pnas.org", "PNAS"),
    ("plos.org", "PLOS"),
    ("journals.plos.org", "PLOS"),
    ("tandfonline.com", "Taylor & Francis"),
    ("taylorfrancis.com", "Taylor & Francis"),
    ("routledge.com", "Routledge"),
    ("springer.com", "Springer"),
    ("link.springer.com", "Springer"),
    ("springernature.com", "Springer Nature"),
    ("sagepub.com", "SAGE"),
    ("journals.sagepub.com", "SAGE Journals"),
    ("wiley.com", "Wiley"),
    ("onlinelibrary.wiley.com", "Wiley"),
    ("sciencedirect.com", "ScienceDirect (Elsevier)"),
    ("elsevier.com", "Elsevier"),
    ("academic.oup.com", "Oxford University Press"),
    ("oup.com", "Oxford University Press"),
    ("cambridge.org", "Cambridge University Press"),
    ("press.uchicago.edu", "University of Chicago Press"),
    ("journals.uchicago.edu", "University of Chicago Press"),
    ("muse.jhu.edu", "Project MUSE"),
    ("mitpress.mit.edu", "MIT Press"),
    ("direct.mit.edu", "MIT Press"),
    ("degruyter.com", "De Gruyter"),
    ("brill.com", "Brill"),
    ("emerald.com", "Emerald Publishing"),
    ("mdpi.com", "MDPI"),
    ("frontiersin.org", "Frontiers"),
    ("aeaweb.org", "American Economic Association"),
    ("apa.org", "American Psychological Association"),
    ("acm.org", "Association for Computing Machinery"),
    ("ieee.org", "IEEE"),
    ("ieeexplore.ieee.org", "IEEE"),
    ("annualreviews.org", "Annual Reviews"),
];

/// Names of news outlets, agencies, broadcasters and platforms as running text gives them,
/// besides the display names of [`MEDIA_HOSTS`]. Lower-case comparison; a leading "the" is
/// ignored.
const OUTLETS: &[&str] = &[
    "abc",
    "abc radio",
    "abc radio national",
    "abc tv",
    "afp",
    "ap",
    "al-jazeera",
    "bbc news",
    "bbc radio 4",
    "bbc world service",
    "bild",
    "breitbart",
    "cbc news",
    "cbs",
    "channel 4 news",
    "china central television",
    "cctv",
    "daily telegraph",
    "der standard",
    "die welt",
    "dw",
    "economist",
    "fox",
    "frankfurter allgemeine",
    "guardian",
    "independent",
    "itv news",
    "le figaro",
    "los angeles times",
    "nbc",
    "new york times",
    "new yorker",
    "nhk",
    "nikkei asian review",
    "radio free europe",
    "radio liberty",
    "rfe/rl",
    "ria",
    "sky",
    "spiegel",
    "sunday times",
    "telegraph",
    "time magazine",
    "times of london",
    "wall street journal",
    "washington post",
    "whatsapp",
    "weibo",
    "wechat",
    "x",
];

/// Display names that are also common English words: they name an outlet in running text only
/// when the text makes that plain, so they are not taken as outlet names on their own.
const AMBIGUOUS_NAMES: &[&str] = &[
    "time",
    "reason",
    "slate",
    "salon",
    "vice",
    "nation",
    "stern",
    "focus",
    "stuff",
    "dawn",
    "wired",
    "fortune",
    "science",
    "nature",
    "cell",
    "medium",
    "threads",
    "prospect",
    "reforma",
    "gab",
    "rumble",
    "the week",
    "the sun",
    "the age",
    "the national",
    "the local",
    "dr",
    "nos",
    "google",
    "apple",
    "amazon",
    "microsoft",
    "github",
    "the times",
];

/// Abbreviations of institutions that name a source ("a UN report").
const ACRONYMS: &[(&str, &str)] = &[
    ("UN", "United Nations"),
    ("U.N.", "United Nations"),
    ("EU", "European Union"),
    ("E.U.", "European Union"),
    ("WHO", "World Health Organization"),
    ("IMF", "International Monetary Fund"),
    ("NATO", "NATO"),
    ("OECD", "OECD"),
    ("CIA", "Central Intelligence Agency"),
    ("FBI", "Federal Bureau of Investigation"),
    ("GAO", "Government Accountability Office"),
    ("CBO", "Congressional Budget Office"),
    ("CRS", "Congressional Research Service"),
    ("IAEA", "International Atomic Energy Agency"),
    ("ICC", "International Criminal Court"),
    ("ICJ", "International Court of Justice"),
    ("OSCE", "OSCE"),
    ("WTO", "World Trade Organization"),
    ("ILO", "International Labour Organization"),
    ("UNHCR", "UNHCR"),
    ("UNICEF", "UNICEF"),
    ("UNESCO", "UNESCO"),
    ("IPCC", "Intergovernmental Panel on Climate Change"),
    ("ECB", "European Central Bank"),
    ("BLS", "Bureau of Labor Statistics"),
    ("BEA", "Bureau of Economic Analysis"),
    ("CDC", "Centers for Disease Control and Prevention"),
    ("NIH", "National Institutes of Health"),
    ("EPA", "U.S. Environmental Protection Agency"),
    ("NASA", "NASA"),
    ("NOAA", "National Oceanic and Atmospheric Administration"),
    ("FDA", "U.S. Food and Drug Administration"),
    ("SEC", "U.S. Securities and Exchange Commission"),
    ("FTC", "Federal Trade Commission"),
    ("FCC", "Federal Communications Commission"),
    ("DOJ", "U.S. Department of Justice"),
    ("DHS", "U.S. Department of Homeland Security"),
    ("DOD", "U.S. Department of Defense"),
    ("DoD", "U.S. Department of Defense"),
    ("DIA", "Defense Intelligence Agency"),
    ("NSA", "National Security Agency"),
    ("ODNI", "Office of the Director of National Intelligence"),
    ("USAID", "USAID"),
    ("NBER", "National Bureau of Economic Research"),
    ("CSIS", "Center for Strategic and International Studies"),
    ("CFR", "Council on Foreign Relations"),
    ("AEI", "American Enterprise Institute"),
    ("IISS", "International Institute for Strategic Studies"),
    ("SIPRI", "Stockholm International Peace Research Institute"),
    ("ASPI", "Australian Strategic Policy Institute"),
    ("ABS", "Australian Bureau of Statistics"),
    ("ONS", "Office for National Statistics"),
    ("HRW", "Human Rights Watch"),
    ("MSF", "Médecins Sans Frontières"),
    ("ICRC", "International Committee of the Red Cross"),
    ("FOMC", "Federal Open Market Committee"),
    ("Fed", "Federal Reserve"),
    ("State Department", "U.S. Department of State"),
    ("Pentagon", "U.S. Department of Defense"),
    ("Justice Department", "U.S. Department of Justice"),
    ("Treasury Department", "U.S. Department of the Treasury"),
    ("Commerce Department", "U.S. Department of Commerce"),
    ("Labor Department", "U.S. Department of Labor"),
    ("Energy Department", "U.S. Department of Energy"),
    ("Defense Department", "U.S. Department of Defense"),
    (
        "Homeland Security Department",
        "U.S. Department of Homeland Security",
    ),
];

/// The twelve Federal Reserve Banks, by the city their short names use ("the Atlanta Fed").
const RESERVE_BANK_CITIES: &[&str] = &[
    "Boston",
    "New York",
    "Philadelphia",
    "Cleveland",
    "Richmond",
    "Atlanta",
    "Chicago",
    "St. Louis",
    "Minneapolis",
    "Kansas City",
    "Dallas",
    "San Francisco",
];

/// Second-level labels under a two-letter country code that are public suffixes themselves
/// (`co.uk`, `com.au`, `gov.au`, `ac.jp` …), so that the registrable domain keeps one label more.
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "org", "net", "gov", "govt", "edu", "ac", "mil", "nic", "or", "ne", "go", "gob",
    "gouv", "gv", "sch", "ltd", "plc", "nhs", "police", "info", "biz", "int", "nom", "res", "lg",
    "ed", "gc",
];

/// Australian state and territory labels under `gov.au` / `edu.au`, which are public suffixes.
const AU_STATES: &[&str] = &["act", "nsw", "nt", "qld", "sa", "tas", "vic", "wa"];

/// The host part of an http(s) URL, lower-cased, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

fn host_table() -> &'static std::collections::HashMap<&'static str, &'static str> {
    static T: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    T.get_or_init(|| {
        MEDIA_HOSTS
            .iter()
            .chain(INSTITUTION_HOSTS)
            .map(|&(h, n)| (h, n))
            .collect()
    })
}

/// The curated name of a host, if the table knows it: the longest known suffix wins
/// (`ec.europa.eu` before `europa.eu`); `=host` entries match only exactly.
pub fn known_host(host: &str) -> Option<&'static str> {
    let table = host_table();
    let exact = format!("={host}");
    if let Some(n) = table.get(exact.as_str()) {
        return Some(n);
    }
    let mut rest = host;
    loop {
        if let Some(n) = table.get(rest) {
            return Some(n);
        }
        rest = rest.split_once('.')?.1;
        if !rest.contains('.') {
            return None;
        }
    }
}

/// The outlet behind a URL: a known name, else the host's registrable domain
/// (`news.example.co.uk` → `example.co.uk`).
pub fn outlet_for_url(url: &str) -> Option<String> {
    let host = host_of(url)?;
    if let Some(name) = known_host(&host) {
        return Some(name.to_string());
    }
    // Blogger serves its blogs under country domains too (`x.blogspot.de`).
    if host.split('.').any(|l| l == "blogspot") {
        return Some("Blogger".to_string());
    }
    Some(site_of(&host))
}

/// The registrable part of a host (`crsreports.congress.gov` → `congress.gov`,
/// `sub.example.co.uk` → `example.co.uk`), used to tell a publisher's own cross-references from
/// outside sources and to name a host the table does not know.
pub fn site_of(host: &str) -> String {
    let parts: Vec<&str> = host.split('.').filter(|p| !p.is_empty()).collect();
    let n = parts.len();
    if n <= 2 {
        return parts.join(".");
    }
    let tld = parts[n - 1];
    let mut keep = 2;
    if tld.len() == 2 && SECOND_LEVEL.contains(&parts[n - 2]) {
        keep = 3;
        if tld == "au" && matches!(parts[n - 2], "gov" | "edu") && AU_STATES.contains(&parts[n - 3])
        {
            keep = 4;
        }
    }
    parts[n.saturating_sub(keep)..].join(".")
}

fn outlet_names() -> &'static std::collections::HashSet<String> {
    static S: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let bare = |s: &str| {
            let l = s.trim().to_lowercase();
            l.strip_prefix("the ").unwrap_or(&l).to_string()
        };
        MEDIA_HOSTS
            .iter()
            .map(|(_, n)| *n)
            .filter(|n| !AMBIGUOUS_NAMES.contains(&n.to_lowercase().as_str()))
            // "ABC News (Australia)" is named in text as "ABC News".
            .map(|n| n.split(" (").next().unwrap_or(n))
            .chain(OUTLETS.iter().copied())
            .map(bare)
            .collect()
    })
}

/// Words that end the names of newspapers, magazines and broadcasters the world over ("The
/// Harbour Times", "Valley Gazette", "Northern Radio").
const MASTHEAD_WORDS: &[&str] = &[
    "Times",
    "Post",
    "Tribune",
    "Herald",
    "Gazette",
    "Journal",
    "Ledger",
    "Courier",
    "Chronicle",
    "Observer",
    "Telegraph",
    "Independent",
    "Express",
    "Mirror",
    "Examiner",
    "Inquirer",
    "Dispatch",
    "Sentinel",
    "Advertiser",
    "Bulletin",
    "Magazine",
    "Weekly",
    "Daily",
    "Radio",
    "Television",
    "TV",
    "Newspaper",
];

/// Does `name` read as the name of a newspaper, magazine or broadcaster, known or not: two or
/// more capitalised words, the last a masthead word ("the Sacramento Ledger")?
pub fn looks_like_outlet(name: &str) -> bool {
    let name = name.trim();
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "and" | "&")
        })
        && words.last().is_some_and(|w| MASTHEAD_WORDS.contains(w))
}

/// Is `name` a known news outlet or platform?
pub fn is_outlet(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    outlet_names().contains(lower)
}

/// The full name behind an institutional abbreviation or short name, if known (`UN`,
/// `Atlanta Fed` → Federal Reserve Bank of Atlanta).
pub fn expand_acronym(name: &str) -> Option<&'static str> {
    if let Some(city) = name.strip_suffix(" Fed") {
        return RESERVE_BANK_CITIES
            .iter()
            .position(|c| *c == city)
            .and_then(|k| RESERVE_BANK_NAMES.get(k).copied());
    }
    ACRONYMS
        .iter()
        .find(|(a, _)| *a == name)
        .map(|(_, full)| *full)
}

const RESERVE_BANK_NAMES: &[&str] = &[
    "Federal Reserve Bank of Boston",
    "Federal Reserve Bank of New York",
    "Federal Reserve Bank of Philadelphia",
    "Federal Reserve Bank of Cleveland",
    "Federal Reserve Bank of Richmond",
    "Federal Reserve Bank of Atlanta",
    "Federal Reserve Bank of Chicago",
    "Federal Reserve Bank of St. Louis",
    "Federal Reserve Bank of Minneapolis",
    "Federal Reserve Bank of Kansas City",
    "Federal Reserve Bank of Dallas",
    "Federal Reserve Bank of San Francisco",
];

/// Does a site's registrable domain spell the given name (`criticallegalthinking.com` for
/// "Critical Legal Thinking", `theconversation.com` for "The Conversation")?
pub fn site_spells(host: &str, name: &str) -> bool {
    SiteLabels::of(host).spell(&squash_name(name))
}

/// The labels of a host that may spell a name: its registrable domain's own label and, for a
/// blog on a platform, its first label (`quillnotes.blog.example`). Made once per host when
/// many names are tried against it.
pub struct SiteLabels<'a> {
    own: String,
    first: &'a str,
}

impl<'a> SiteLabels<'a> {
    pub fn of(host: &'a str) -> Self {
        let site = site_of(host);
        let own = site.split('.').next().unwrap_or("").to_string();
        let first = host.split('.').next().unwrap_or("");
        SiteLabels { own, first }
    }

    /// Does one of the labels spell the name, given as [`squash_name`] made it?
    pub fn spell(&self, squashed: &str) -> bool {
        [self.own.as_str(), self.first]
            .iter()
            .any(|label| label_spells(label, squashed))
    }
}

/// A name as a host label would spell it: its letters and digits, lower-cased and without
/// accents ("Szélcsend" → `szelcsend`).
pub fn squash_name(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(fold)
        .collect()
}

/// Latin letters without their accents, for comparing names with host labels.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ő' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'ů' => 'u',
        'ñ' | 'ń' | 'ň' => 'n',
        'ç' | 'č' | 'ć' => 'c',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ý' => 'y',
        _ => c,
    }
}

fn label_spells(label: &str, squashed: &str) -> bool {
    let bare = squashed.strip_prefix("the").unwrap_or(squashed);
    label.chars().count() >= 4
        && (label == squashed
            || label == bare
            || (label.starts_with(bare) && bare.len() >= 8)
            || (bare.starts_with(label) && label.len() >= 8))
}

/// A publication year in a URL path (`/2026/02/24/` or `-2026-02-24`).
pub fn year_in_url(url: &str) -> Option<i32> {
    let path = url.split_once("://").map_or(url, |x| x.1);
    let path = path.split_once('/').map_or("", |x| x.1);
    let bytes = path.as_bytes();
    for i in 0..bytes.len().saturating_sub(3) {
        let window = &bytes[i..i + 4];
        let before_ok = i == 0 || matches!(bytes[i - 1], b'/' | b'-' | b'_');
        let after = bytes.get(i + 4).copied();
        let after_ok = matches!(after, Some(b'/' | b'-' | b'_'));
        if before_ok && after_ok && window.iter().all(u8::is_ascii_digit) {
            // Four ASCII digits: the bytes are a valid `str` boundary on both sides.
            let year: i32 = path.get(i..i + 4)?.parse().ok()?;
            // A year is followed by a month (two digits) to count as a date in the path.
            let month = path.get(i + 5..i + 7).and_then(|m| m.parse::<u32>().ok());
            if (1990..=2100).contains(&year) && month.is_some_and(|m| (1..=12).contains(&m)) {
                return Some(year);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_mastheads_read_as_outlets() {
        assert!(looks_like_outlet("the Sacramento Ledger"));
        assert!(looks_like_outlet("Eastgate Courier"));
        assert!(looks_like_outlet("The Harbour Times"));
        assert!(!looks_like_outlet("Times"));
        assert!(!looks_like_outlet("the Senate"));
        assert!(!looks_like_outlet("Ministry of Health"));
    }

    #[test]
    fn hosts_and_outlets() {
        assert_eq!(
            outlet_for_url("https://www.reuters.com/world/x").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            outlet_for_url("https://s3.documentcloud.org/d.pdf").as_deref(),
            Some("DocumentCloud")
        );
        assert_eq!(
            outlet_for_url("https://www.ai.mil/Latest").as_deref(),
            Some("ai.mil")
        );
        assert_eq!(outlet_for_url("ftp://example.com"), None);
        assert_eq!(site_of("crsreports.congress.gov"), "congress.gov");
        assert_eq!(site_of("news.bbc.co.uk"), "bbc.co.uk");
    }

    #[test]
    fn the_curated_table_names_outlets_governments_and_publishers() {
        let name = |u: &str| outlet_for_url(u).unwrap_or_default();
        assert_eq!(
            name("https://www.abc.net.au/news/2030-01-01/x"),
            "ABC News (Australia)"
        );
        assert_eq!(
            name("http://www.dw.de/dw/article/0,,1.html"),
            "Deutsche Welle"
        );
        assert_eq!(name("https://www.dw.com/en/x/a-1"), "Deutsche Welle");
        assert_eq!(
            name("http://www.telegraph.co.uk/finance/x.html"),
            "The Daily Telegraph"
        );
        assert_eq!(name("https://www.lemonde.fr/international/x"), "Le Monde");
        assert_eq!(
            name("https://www.defense.gov/News/x"),
            "U.S. Department of Defense"
        );
        assert_eq!(
            name("https://www.federalreserve.gov/newsevents/x.htm"),
            "Board of Governors of the Federal Reserve System"
        );
        assert_eq!(name("https://press.un.org/en/x"), "United Nations");
        // The longest known suffix wins.
        assert_eq!(
            name("https://ec.europa.eu/commission/x"),
            "European Commission"
        );
        assert_eq!(
            name("https://www.tandfonline.com/doi/full/10.1/x"),
            "Taylor & Francis"
        );
        assert_eq!(name("https://link.springer.com/chapter/10.1/x"), "Springer");
        assert_eq!(
            name("https://journals.sagepub.com/doi/10.1/x"),
            "SAGE Journals"
        );
        assert_eq!(
            name("https://www.nber.org/papers/w1"),
            "National Bureau of Economic Research"
        );
        assert_eq!(
            name("https://www.lowyinstitute.org/the-interpreter/x"),
            "Lowy Institute"
        );
        // Blog platforms serve their users under sub-hosts.
        assert_eq!(name("http://99.media.tumblr.com/abc/x.jpg"), "Tumblr");
        assert_eq!(
            name("http://someone.blogspot.com/2011/01/x.html"),
            "Blogger"
        );
        assert_eq!(name("http://someone.blogspot.co.uk/x.html"), "Blogger");
        // A government site whose domain is also a public suffix matches only itself.
        assert_eq!(name("https://www.gov.uk/government/x"), "UK Government");
        assert_eq!(name("https://www.townsville.gov.uk/x"), "townsville.gov.uk");
    }

    #[test]
    fn unknown_hosts_give_their_registrable_domain() {
        let name = |u: &str| outlet_for_url(u).unwrap_or_default();
        assert_eq!(
            name("https://thebulletin.org/2030/01/x/"),
            "Bulletin of the Atomic Scientists"
        );
        assert_eq!(name("https://blog.quillfeather.org/x"), "quillfeather.org");
        assert_eq!(name("https://sub.example.co.uk/a/b"), "example.co.uk");
        assert_eq!(name("https://maps.ridgeway.com.au/x"), "ridgeway.com.au");
        assert_eq!(
            name("https://polis.arts.unimelbx.edu.au/x"),
            "unimelbx.edu.au"
        );
        assert_eq!(
            name("https://documents.assembly.vic.gov.au/x.pdf"),
            "assembly.vic.gov.au"
        );
        assert_eq!(name("https://lab.physics.kestrel.ac.uk/x"), "kestrel.ac.uk");
    }

    #[test]
    fn outlet_names_and_acronyms() {
        assert!(is_outlet("The Guardian"));
        assert!(is_outlet("NBC News"));
        assert!(is_outlet("Le Monde"));
        assert!(is_outlet("ABC News"));
        assert!(is_outlet("Deutsche Welle"));
        assert!(!is_outlet("Monday"));
        // A display name that is also a common word is not an outlet on its own.
        assert!(!is_outlet("Nature"));
        assert_eq!(expand_acronym("UN"), Some("United Nations"));
        assert_eq!(
            expand_acronym("Dallas Fed"),
            Some("Federal Reserve Bank of Dallas")
        );
        assert_eq!(expand_acronym("Gotham Fed"), None);
    }

    #[test]
    fn a_site_spelling_a_name() {
        assert!(site_spells(
            "quietharbourreview.org",
            "Quiet Harbour Review"
        ));
        assert!(site_spells("www.theledger.example", "The Ledger"));
        assert!(site_spells("northwindvoicesonline.org", "Northwind Voices"));
        assert!(!site_spells("ledger.org", "Quiet Harbour Review"));
        assert!(site_spells("szelcsend.blogplatform.hu", "Szélcsend"));
    }

    #[test]
    fn years_in_urls() {
        assert_eq!(
            year_in_url("https://www.axios.com/2026/02/13/anthropic"),
            Some(2026)
        );
        assert_eq!(
            year_in_url("https://x.com/SecWar/status/2027507717469049070"),
            None
        );
        assert_eq!(
            year_in_url("https://r.com/world/a-says-2026-02-24/"),
            Some(2026)
        );
        assert_eq!(
            year_in_url("https://f.gov/documents/2025/09/10/2025-17508/x"),
            Some(2025)
        );
        // Multi-byte letters in the path are stepped over, never sliced through.
        assert_eq!(
            year_in_url("https://en.wikipedia.org/wiki/Wolfgang_Schäuble"),
            None
        );
        assert_eq!(year_in_url("https://é.org/ä/2024/05/x"), Some(2024));
    }

    #[test]
    fn no_function_slices_through_a_multi_byte_letter() {
        // Every byte position of these strings is tried as the place of a multi-byte letter,
        // a masthead word or a year, so that any slice at an offset computed from ASCII
        // assumptions (or from a lower-cased copy) would land inside one.
        let seeds = [
            "https://de.wikipedia.org/wiki/München",
            "https://www.süddeutsche.de/2024/05/x-ü-2024-05",
            "http://ÄÖÜ.example/İstanbul/2025-01-ß",
            "The Zürich Times",
            "the İstanbul Daily",
            "Ω Fed",
        ];
        for seed in seeds {
            for (i, _) in seed.char_indices() {
                for letter in ["é", "İ", "ẞ", "🦀", "\u{301}"] {
                    let s = format!("{}{letter}{}", &seed[..i], &seed[i..]);
                    let host = host_of(&s).unwrap_or_else(|| s.clone());
                    let _ = (known_host(&host), outlet_for_url(&s), site_of(&host));
                    let _ = (site_spells(&host, &s), year_in_url(&s), is_outlet(&s));
                    let _ = (looks_like_outlet(&s), expand_acronym(&s));
                }
            }
        }
    }
}
