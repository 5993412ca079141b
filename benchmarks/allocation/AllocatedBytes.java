import java.lang.management.ManagementFactory;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * Prints the bytes a running JVM has allocated on its heap so far, all threads together
 * ({@code ThreadMXBean.getTotalThreadAllocatedBytes}), read through the JVM's local
 * management agent. Run as {@code java AllocatedBytes.java PID}.
 */
public class AllocatedBytes {

	public static void main(String[] args) throws Exception {
		VirtualMachine vm = VirtualMachine.attach(args[0]);
		String address;
		try {
			address = vm.startLocalManagementAgent();
		}
		finally {
			vm.detach();
		}
		try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
			MBeanServerConnection connection = connector.getMBeanServerConnection();
			System.out.println(connection.getAttribute(new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME),
					"TotalThreadAllocatedBytes"));
		}
	}

}
