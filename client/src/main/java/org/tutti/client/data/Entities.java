package org.tutti.client.data;

import java.util.List;
import org.tutti.client.domain.model.Absence;
import org.tutti.client.domain.model.Account;
import org.tutti.client.domain.model.AppSession;
import org.tutti.client.domain.model.AuditEvent;
import org.tutti.client.domain.model.ChangeRequest;
import org.tutti.client.domain.model.Course;
import org.tutti.client.domain.model.Cycle;
import org.tutti.client.domain.model.Department;
import org.tutti.client.domain.model.Discipline;
import org.tutti.client.domain.model.DocumentType;
import org.tutti.client.domain.model.Enrolment;
import org.tutti.client.domain.model.Evaluation;
import org.tutti.client.domain.model.EventParticipation;
import org.tutti.client.domain.model.Family;
import org.tutti.client.domain.model.Invoice;
import org.tutti.client.domain.model.InvoiceLine;
import org.tutti.client.domain.model.MailOutbox;
import org.tutti.client.domain.model.MusicalEvent;
import org.tutti.client.domain.model.Payment;
import org.tutti.client.domain.model.PaymentAllocation;
import org.tutti.client.domain.model.ReenrolmentCampaign;
import org.tutti.client.domain.model.ReenrolmentChoice;
import org.tutti.client.domain.model.ReenrolmentRequest;
import org.tutti.client.domain.model.Rental;
import org.tutti.client.domain.model.RentalItem;
import org.tutti.client.domain.model.Room;
import org.tutti.client.domain.model.SchoolYear;
import org.tutti.client.domain.model.Site;
import org.tutti.client.domain.model.Student;
import org.tutti.client.domain.model.Teacher;
import org.tutti.client.domain.model.UploadedDocument;

/** Every entity of the data model: one per table of {@code V1__data_model.sql}. */
final class Entities {

    static final List<Class<?>> ALL = List.of(
            Absence.class,
            Account.class,
            AppSession.class,
            AuditEvent.class,
            ChangeRequest.class,
            Course.class,
            Cycle.class,
            Department.class,
            Discipline.class,
            DocumentType.class,
            Enrolment.class,
            Evaluation.class,
            EventParticipation.class,
            Family.class,
            Invoice.class,
            InvoiceLine.class,
            MailOutbox.class,
            MusicalEvent.class,
            Payment.class,
            PaymentAllocation.class,
            ReenrolmentCampaign.class,
            ReenrolmentChoice.class,
            ReenrolmentRequest.class,
            Rental.class,
            RentalItem.class,
            Room.class,
            SchoolYear.class,
            Site.class,
            Student.class,
            Teacher.class,
            UploadedDocument.class);

    private Entities() {
    }
}
